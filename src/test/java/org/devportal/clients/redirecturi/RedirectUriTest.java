package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example.com/cb",
                "http://localhost:8080/cb",
                "http://127.0.0.1/cb",
                "http://[::1]:8080/cb",
                "https://intranet/cb",
                "https://xn--bcher-kva.example/cb?x=1"
            })
    void a_uri_that_the_sandbox_accepts_is_a_redirect_uri(String value) {
        assertThat(RedirectUri.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " https://app.example.com/cb",
                "https://app.example.com/cb ",
                "HTTPS://app.example.com/cb",
                "https://App.example.com/cb",
                "https://app.example.com./cb",
                "https://app.example.com:443/cb",
                "http://app.example.com/cb",
                "https://app.example.com/cb#",
                "https://app.example.com/a/../cb",
                "https://b\u00FCcher.example/cb",
                "https://app.example.com/cb?state=1",
                "https://*.example.com/cb"
            })
    void a_uri_that_needs_normalising_is_refused_rather_than_normalised(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedirectUri.of(value))
                .withMessageNotContaining(value);
    }

    @Test
    void null_is_refused_with_a_prompt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedirectUri.of(null))
                .withMessageStartingWith("Enter a redirect URI");
    }

    @Test
    void surrounding_spaces_are_refused_with_a_message_that_says_so() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedirectUri.of("https://app.example.com/cb "))
                .withMessage("Remove the spaces or line breaks around the redirect URI");
    }

    @Test
    void the_cheapest_rule_fails_first() {
        String overlongAndBroken = "HTTP://app.example.com/#" + "*".repeat(RedirectUri.MAX_LENGTH);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedirectUri.of(overlongAndBroken))
                .withMessage("Redirect URIs can be at most 2048 characters long");
    }

    @Test
    void the_platform_domain_is_left_to_the_policy_because_it_is_configuration() {
        assertThat(RedirectUri.of("https://pleo.io/cb")).hasToString("https://pleo.io/cb");
    }

    @Test
    void redirect_uris_are_equal_only_when_byte_for_byte_equal() {
        assertThat(RedirectUri.of("https://app.example.com/cb"))
                .isEqualTo(RedirectUri.of("https://app.example.com/cb"))
                .isNotEqualTo(RedirectUri.of("https://app.example.com/cb/"))
                .isNotEqualTo(RedirectUri.of("https://app.example.com/CB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "not a url"})
    void text_without_a_scheme_is_refused_with_the_rules_message(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedirectUri.of(value))
                .withMessageStartingWith(value.contains(" ") ? "Spaces" : "Redirect URIs must be absolute");
    }

    @Test
    void it_answers_host_scheme_and_loopback_from_its_own_split() {
        RedirectUri loopback = RedirectUri.of("http://[::1]:8080/cb?next=https://elsewhere.example/");
        RedirectUri public_ = RedirectUri.of("https://app.example.com:8443/cb");

        assertThat(loopback.host()).isEqualTo("[::1]");
        assertThat(loopback.isHttps()).isFalse();
        assertThat(loopback.isLoopback()).isTrue();
        assertThat(public_.host()).isEqualTo("app.example.com");
        assertThat(public_.isHttps()).isTrue();
        assertThat(public_.isLoopback()).isFalse();
        assertThat(RedirectUri.of("http://localhost/cb").isLoopback()).isTrue();
        assertThat(RedirectUri.of("https://foo.localhost/cb").isLoopback()).isFalse();
    }

    @Test
    void a_stored_value_loads_even_when_todays_rules_refuse_it() {
        RedirectUri stored = RedirectUri.fromStorage("http://127.0.0.1:08080/cb#old");

        assertThat(stored.value()).isEqualTo("http://127.0.0.1:08080/cb#old");
        assertThat(stored.host()).isEqualTo("127.0.0.1");
        assertThat(stored).isEqualTo(RedirectUri.fromStorage("http://127.0.0.1:08080/cb#old"));
        assertThat(RedirectUri.fromStorage("not a url").host()).isEmpty();
    }
}
