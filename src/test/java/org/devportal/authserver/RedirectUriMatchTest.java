package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUriMatchTest {

    @Test
    void an_identical_uri_matches() {
        assertThat(RedirectUriMatch.find(
                        "https://app.acme.dev/callback?x=1", List.of("https://app.acme.dev/callback?x=1")))
                .contains("https://app.acme.dev/callback?x=1");
    }

    @Test
    void matching_is_byte_for_byte_without_normalisation() {
        List<String> registered = List.of("https://app.acme.dev/callback");
        assertThat(RedirectUriMatch.find("https://app.acme.dev/callback/", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://APP.acme.dev/callback", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://app.acme.dev/%63allback", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://app.acme.dev:443/callback", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://app.acme.dev/callback?", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://app.acme.dev/callback#", registered))
                .isEmpty();
    }

    @Test
    void a_loopback_ip_registration_matches_any_port() {
        List<String> registered = List.of("http://127.0.0.1/callback", "http://[::1]:8080/cb?a=b");
        assertThat(RedirectUriMatch.find("http://127.0.0.1:53123/callback", registered))
                .contains("http://127.0.0.1/callback");
        assertThat(RedirectUriMatch.find("http://127.0.0.1/callback", registered))
                .contains("http://127.0.0.1/callback");
        assertThat(RedirectUriMatch.find("http://[::1]:1/cb?a=b", registered)).contains("http://[::1]:8080/cb?a=b");
    }

    @Test
    void the_loopback_exception_keeps_everything_but_the_port() {
        List<String> registered = List.of("http://127.0.0.1:8080/callback");
        assertThat(RedirectUriMatch.find("http://127.0.0.1:9090/callback/", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("http://127.0.0.1:9090/other", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("http://[::1]:8080/callback", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("http://127.0.0.1:70000/callback", registered))
                .isEmpty();
        assertThat(RedirectUriMatch.find("https://127.0.0.1:9090/callback", registered))
                .isEmpty();
    }

    @Test
    void localhost_gets_no_port_exception() {
        List<String> registered = List.of("http://localhost:8080/callback");
        assertThat(RedirectUriMatch.find("http://localhost:8080/callback", registered))
                .contains("http://localhost:8080/callback");
        assertThat(RedirectUriMatch.find("http://localhost:9090/callback", registered))
                .isEmpty();
    }

    @Test
    void a_missing_redirect_uri_matches_nothing() {
        assertThat(RedirectUriMatch.find(null, List.of("https://app.acme.dev/callback")))
                .isEmpty();
        assertThat(RedirectUriMatch.find("", List.of("https://app.acme.dev/callback")))
                .isEmpty();
    }
}
