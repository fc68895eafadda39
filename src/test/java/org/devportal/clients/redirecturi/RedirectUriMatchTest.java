package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectUriMatchTest {

    /** The registered URI the requested one matches, as text. */
    private static Optional<String> find(String requested, List<String> registered) {
        return RedirectUriMatch.find(
                        requested, registered.stream().map(RedirectUri::of).toList())
                .map(RedirectUri::value);
    }

    @Test
    void an_identical_uri_matches() {
        assertThat(find("https://app.acme.dev/callback?x=1", List.of("https://app.acme.dev/callback?x=1")))
                .contains("https://app.acme.dev/callback?x=1");
    }

    @Test
    void matching_is_byte_for_byte_without_normalisation() {
        List<String> registered = List.of("https://app.acme.dev/callback");
        assertThat(find("https://app.acme.dev/callback/", registered)).isEmpty();
        assertThat(find("https://APP.acme.dev/callback", registered)).isEmpty();
        assertThat(find("https://app.acme.dev/%63allback", registered)).isEmpty();
        assertThat(find("https://app.acme.dev:443/callback", registered)).isEmpty();
        assertThat(find("https://app.acme.dev/callback?", registered)).isEmpty();
        assertThat(find("https://app.acme.dev/callback#", registered)).isEmpty();
    }

    @Test
    void a_loopback_ip_registration_matches_any_port() {
        List<String> registered = List.of("http://127.0.0.1/callback", "http://[::1]:8080/cb?a=b");
        assertThat(find("http://127.0.0.1:53123/callback", registered)).contains("http://127.0.0.1/callback");
        assertThat(find("http://127.0.0.1/callback", registered)).contains("http://127.0.0.1/callback");
        assertThat(find("http://[::1]:1/cb?a=b", registered)).contains("http://[::1]:8080/cb?a=b");
    }

    @Test
    void the_loopback_exception_keeps_everything_but_the_port() {
        List<String> registered = List.of("http://127.0.0.1:8080/callback");
        assertThat(find("http://127.0.0.1:9090/callback/", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:9090/other", registered)).isEmpty();
        assertThat(find("http://[::1]:8080/callback", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:70000/callback", registered)).isEmpty();
        assertThat(find("https://127.0.0.1:9090/callback", registered)).isEmpty();
    }

    @Test
    void localhost_gets_no_port_exception() {
        List<String> registered = List.of("http://localhost:8080/callback");
        assertThat(find("http://localhost:8080/callback", registered)).contains("http://localhost:8080/callback");
        assertThat(find("http://localhost:9090/callback", registered)).isEmpty();
    }

    @Test
    void a_missing_redirect_uri_matches_nothing() {
        assertThat(find(null, List.of("https://app.acme.dev/callback"))).isEmpty();
        assertThat(find("", List.of("https://app.acme.dev/callback"))).isEmpty();
    }

    @Test
    void a_port_that_registration_would_refuse_never_matches_a_loopback_registration() {
        List<String> registered = List.of("http://127.0.0.1:8080/callback", "http://[::1]/cb");
        assertThat(find("http://127.0.0.1:08080/callback", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:0008080/callback", registered)).isEmpty();
        assertThat(find("http://[::1]:053123/cb", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:0/callback", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:/callback", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:+8080/callback", registered)).isEmpty();
        assertThat(find("http://[::1]:53123/cb", registered)).contains("http://[::1]/cb");
    }

    @Test
    void the_loopback_exception_needs_the_exact_scheme_and_no_user_info() {
        List<String> registered = List.of("http://127.0.0.1/callback");
        assertThat(find("HTTP://127.0.0.1:5000/callback", registered)).isEmpty();
        assertThat(find("http://me@127.0.0.1:5000/callback", registered)).isEmpty();
        assertThat(find("http://127.0.0.1:5000/callback#x", registered)).isEmpty();
    }

    @Test
    void text_that_is_not_a_url_matches_nothing_and_never_throws() {
        List<String> registered = List.of("http://127.0.0.1/callback", "https://app.acme.dev/callback");
        for (String text : List.of("localhost", "not a url", ":", "http:", "http://", "http://[", "//127.0.0.1/cb")) {
            assertThat(find(text, registered)).as(text).isEmpty();
        }
    }

    @Test
    void a_registration_stored_under_older_rules_still_matches_byte_for_byte_only() {
        List<RedirectUri> registered = List.of(RedirectUri.fromStorage("http://127.0.0.1:08080/cb"));
        assertThat(RedirectUriMatch.find("http://127.0.0.1:08080/cb", registered))
                .contains(registered.getFirst());
        assertThat(RedirectUriMatch.find("http://127.0.0.1:9090/cb", registered))
                .contains(registered.getFirst());
        assertThat(RedirectUriMatch.find("http://127.0.0.1:09090/cb", registered))
                .isEmpty();
    }
}
