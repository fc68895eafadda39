package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Forwarded headers count only from configured proxies; by default from none, not even loopback. */
class TrustedProxiesIT extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    Environment environment;

    @Test
    void a_direct_client_rotating_x_forwarded_for_is_throttled_as_its_own_address() {
        String peer = "127.0.0.1";
        int before = throttle.failuresFrom(peer);
        List<String> forged = List.of("203.0.113.7", "203.0.113.8", "198.51.100.1", "192.0.2.44", "10.9.8.7");

        for (String address : forged) {
            HttpTestClient client = new HttpTestClient(baseUrl()).header("X-Forwarded-For", address);
            HttpResponse<String> response =
                    client.submitSignIn("spray-" + UUID.randomUUID() + "@example.com", "not the password at all");
            assertThat(HttpTestClient.location(response)).endsWith("/idp/login?error");
        }

        assertThat(throttle.failuresFrom(peer)).isGreaterThanOrEqualTo(before + forged.size());
        assertThat(forged).noneMatch(throttle::tracks);
    }

    @Test
    void a_forged_x_forwarded_proto_does_not_make_the_request_https() {
        HttpTestClient client = new HttpTestClient(baseUrl()).header("X-Forwarded-Proto", "https");

        HttpResponse<String> home = client.get("/");

        assertThat(HttpTestClient.location(home)).startsWith("http://localhost:");
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));
        assertThat(home.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void by_default_no_proxy_address_is_trusted_not_even_loopback() {
        Pattern trusted = Pattern.compile(environment.getProperty("server.tomcat.remoteip.internal-proxies"));

        assertThat(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "10.0.0.1", "172.16.0.1", "192.168.1.1", ""))
                .noneMatch(address -> trusted.matcher(address).matches());
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }
}
