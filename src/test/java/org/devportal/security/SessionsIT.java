package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.ServletContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

/** Sessions end: after idling (heartbeats do not count), after an absolute lifetime, with safe cookies. */
class SessionsIT extends IntegrationTest {

    private static final String PASSWORD = "sessions end passphrase";

    @Autowired
    ServletContext servletContext;

    @Autowired
    ApplicationContext context;

    @Test
    void a_busy_session_still_ends_after_the_absolute_lifetime() {
        String email = "lifetime-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Long Session", PASSWORD, Role.DEVELOPER);
        HttpTestClient http = new HttpTestClient(baseUrl());
        HttpResponse<String> afterForm = http.submitSignIn(email, PASSWORD);
        http.get(HttpTestClient.location(http.get(HttpTestClient.location(afterForm))));
        assertThat(http.get("/clients").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(11));
        assertThat(http.get("/clients").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(1));

        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void idle_sessions_time_out_and_heartbeats_do_not_keep_them_alive() {
        new HttpTestClient(baseUrl()).get("/idp/login");

        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
        VaadinServlet vaadin = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(vaadin.getService().getDeploymentConfiguration().isCloseIdleSessions())
                .isTrue();
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() {
        HttpResponse<String> page = new HttpTestClient(baseUrl()).get("/");

        assertThat(page.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
    }
}
