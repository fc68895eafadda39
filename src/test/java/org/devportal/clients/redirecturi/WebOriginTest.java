package org.devportal.clients.redirecturi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebOriginTest {

    private static boolean originOf(String origin, String redirectUri) {
        return WebOrigin.parse(origin).orElseThrow().isOriginOf(RedirectUri.of(redirectUri));
    }

    @Test
    void an_origin_header_is_read_exactly_as_sent() {
        for (String origin : Arrays.asList(
                "https://app.example.com",
                "https://app.example.com:8443",
                "http://localhost:3000",
                "http://127.0.0.1:5173",
                "http://[::1]:5173")) {
            assertThat(WebOrigin.parse(origin))
                    .as(origin)
                    .hasValueSatisfying(parsed -> assertThat(parsed.value()).isEqualTo(origin));
        }
        assertThat(WebOrigin.parse("http://[::1]:5173").orElseThrow().host()).isEqualTo("[::1]");
    }

    @Test
    void what_no_registered_redirect_uri_could_have_as_its_origin_is_not_an_origin() {
        for (String origin : Arrays.asList(
                null,
                "",
                "null",
                "https://app.example.com/",
                "https://app.example.com/path",
                "https://app.example.com?x=1",
                "https://app.example.com#x",
                "HTTPS://app.example.com",
                "https://APP.example.com",
                "https://app.example.com:443",
                "http://localhost:80",
                "https://user@app.example.com",
                "ftp://files.example.com",
                "https://",
                "https://app.example.com:0",
                "https://" + "a".repeat(300) + ".com")) {
            assertThat(WebOrigin.parse(origin)).as(String.valueOf(origin)).isEmpty();
        }
    }

    @Test
    void the_origin_of_a_redirect_uri_is_its_scheme_and_authority() {
        assertThat(originOf("https://app.example.com", "https://app.example.com/callback?x=1"))
                .isTrue();
        assertThat(originOf("https://app.example.com:8443", "https://app.example.com:8443/cb"))
                .isTrue();
        assertThat(originOf("https://app.example.com", "https://app.example.com:8443/cb"))
                .isFalse();
        assertThat(originOf("https://app.example.com", "https://app.example.com.evil.example/cb"))
                .isFalse();
        assertThat(originOf("http://app.example.com", "https://app.example.com/cb"))
                .isFalse();
    }

    @Test
    void a_loopback_ip_redirect_uri_has_every_port_of_its_host_as_origin_but_localhost_does_not() {
        assertThat(originOf("http://127.0.0.1:5173", "http://127.0.0.1/callback"))
                .isTrue();
        assertThat(originOf("http://127.0.0.1:5173", "http://127.0.0.1:8080/callback"))
                .isTrue();
        assertThat(originOf("http://127.0.0.1", "http://127.0.0.1:8080/callback"))
                .isTrue();
        assertThat(originOf("http://[::1]:40000", "http://[::1]/callback")).isTrue();
        assertThat(originOf("http://[::1]:40000", "http://127.0.0.1/callback")).isFalse();
        assertThat(originOf("https://127.0.0.1:5173", "http://127.0.0.1/callback"))
                .isFalse();
        assertThat(originOf("http://localhost:3000", "http://localhost:3000/callback"))
                .isTrue();
        assertThat(originOf("http://localhost:3001", "http://localhost:3000/callback"))
                .isFalse();
    }
}
