package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.devportal.Application;
import org.devportal.test.HttpTestClient;
import org.devportal.test.SharedSecurityContextStrategy;
import org.devportal.test.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal behind a TLS-terminating proxy that it trusts (here loopback, named as the README shows): a request the
 * proxy forwards as https is https to the portal, so the session cookie is {@code Secure}, besides {@code HttpOnly}
 * and {@code SameSite=Lax}, and redirects stay on https. A context of its own, since the shared one trusts no proxy.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@DirtiesContext
class TlsProxyIT {

    private static final SharedSecurityContextStrategy SHARED_STRATEGY = SharedSecurityContextStrategy.remember();

    private static final int PORT = TestPorts.freePort();

    @DynamicPropertySource
    static void behindAProxy(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.base-url", () -> "https://portal.example.com");
        registry.add("portal.embedded-db.directory", () -> "target/mariadb-tls-proxy");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }

    private static HttpTestClient viaProxy() {
        return new HttpTestClient("http://127.0.0.1:" + PORT)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.example.com")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9");
    }

    @AfterAll
    static void giveTheSharedContextItsStrategyBack() {
        SHARED_STRATEGY.restore();
    }

    @Test
    void behind_a_trusted_tls_proxy_the_session_cookie_is_secure_http_only_and_same_site() {
        HttpResponse<String> home = viaProxy().get("/");

        List<String> sessionCookies = home.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .toList();
        assertThat(sessionCookies)
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(HttpTestClient.location(home)).startsWith("https://portal.example.com/");
    }

    @Test
    void the_same_request_without_the_proxy_headers_stays_plain_http() {
        HttpResponse<String> home = new HttpTestClient("http://127.0.0.1:" + PORT).get("/");

        assertThat(home.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty()
                .noneMatch(cookie -> cookie.contains("Secure"));
        assertThat(HttpTestClient.location(home)).startsWith("http://127.0.0.1:");
    }
}
