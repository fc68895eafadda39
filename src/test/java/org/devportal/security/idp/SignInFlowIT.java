package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real OIDC sign-in over HTTP: portal → identity provider → sign-in form → code → portal. */
class SignInFlowIT extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    AccountService accounts;

    private HttpTestClient http;
    private String email;

    @BeforeEach
    void createAccount() {
        http = new HttpTestClient(baseUrl());
        email = "signin-" + UUID.randomUUID() + "@example.com";
        accounts.ensureDemoAccount(email, "Sign In Tester", PASSWORD, Set.of(Role.DEVELOPER));
    }

    @Test
    void an_anonymous_visitor_is_sent_through_the_oidc_authorization_request_to_the_sign_in_page() {
        HttpResponse<String> home = http.get("/");
        assertThat(HttpTestClient.location(home)).endsWith("/oauth2/authorization/portal");

        HttpResponse<String> authorizationRequest = http.get(HttpTestClient.location(home));
        String authorize = HttpTestClient.location(authorizationRequest);
        assertThat(authorize)
                .startsWith(baseUrl() + "/idp/oauth2/authorize?")
                .contains("response_type=code", "client_id=portal", "code_challenge_method=S256", "state=", "nonce=");

        HttpResponse<String> signInPage = http.follow(authorizationRequest);
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.uri().getPath()).isEqualTo("/idp/login");
    }

    @Test
    void a_developer_signs_in_through_the_oidc_redirects_and_lands_on_the_clients_view() {
        HttpResponse<String> afterForm = http.submitSignIn(email, PASSWORD);
        assertThat(HttpTestClient.location(afterForm)).startsWith(baseUrl() + "/idp/oauth2/authorize?");

        HttpResponse<String> authorize = http.get(HttpTestClient.location(afterForm));
        String callback = HttpTestClient.location(authorize);
        assertThat(callback).startsWith(baseUrl() + "/login/oauth2/code/portal?code=");

        HttpResponse<String> signedIn = http.get(callback);
        // Spring's request cache marks the resumed request with "continue".
        assertThat(HttpTestClient.location(signedIn))
                .matches(java.util.regex.Pattern.quote(baseUrl()) + "/(\\?continue)?");

        // The view itself renders in the browser; karibu and browser tests check what it shows.
        HttpResponse<String> clients = http.get("/clients");
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.uri().getPath()).isEqualTo("/clients");
    }

    @Test
    void a_wrong_password_returns_to_the_sign_in_page_with_an_error() {
        HttpResponse<String> response = http.submitSignIn(email, "not the password at all");

        assertThat(HttpTestClient.location(response)).isEqualTo(baseUrl() + "/idp/login?error");
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void an_unknown_account_gets_exactly_the_same_answer_as_a_wrong_password() {
        HttpResponse<String> unknown = http.submitSignIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);
        HttpResponse<String> wrong = new HttpTestClient(baseUrl()).submitSignIn(email, "not the password at all");

        assertThat(HttpTestClient.location(unknown))
                .isEqualTo(HttpTestClient.location(wrong))
                .isEqualTo(baseUrl() + "/idp/login?error");
    }

    @Test
    void a_sign_in_form_without_the_csrf_token_is_refused() {
        http.follow(http.get("/"));
        HttpResponse<String> response =
                http.postForm("/idp/login", java.util.Map.of("username", email, "password", PASSWORD));

        assertThat(response.statusCode()).isIn(302, 403);
        if (response.statusCode() == 302) {
            assertThat(HttpTestClient.location(response)).doesNotContain("/oauth2/authorize");
        }
    }

    @Test
    void repeated_failures_pause_sign_in_for_the_account_even_with_the_right_password() {
        for (int i = 0; i < 5; i++) {
            assertThat(HttpTestClient.location(http.submitSignIn(email, "wrong password " + i)))
                    .endsWith("/idp/login?error");
        }

        HttpResponse<String> throttled = http.submitSignIn(email, PASSWORD);

        assertThat(HttpTestClient.location(throttled)).contains("/idp/login?error=throttled&retry=");
    }

    @Test
    void throttling_an_unknown_account_looks_the_same_as_throttling_a_real_one() {
        String unknown = "ghost-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            http.submitSignIn(unknown, "wrong password " + i);
        }

        assertThat(HttpTestClient.location(http.submitSignIn(unknown, PASSWORD)))
                .contains("/idp/login?error=throttled&retry=");
    }

    @Test
    void a_tampered_state_at_the_callback_shows_the_sign_in_error_page() {
        HttpResponse<String> afterForm = http.submitSignIn(email, PASSWORD);
        String callback = HttpTestClient.location(http.get(HttpTestClient.location(afterForm)));
        String tampered = callback.replaceFirst("state=[^&]+", "state=tampered-" + UUID.randomUUID());

        HttpResponse<String> response = http.get(tampered);

        assertThat(HttpTestClient.location(response)).isEqualTo(baseUrl() + "/signin-error?reason=state");
        HttpResponse<String> errorPage = http.get(HttpTestClient.location(response));
        assertThat(errorPage.statusCode()).isEqualTo(200);
        assertThat(errorPage.body()).doesNotContain("Exception", "at org.");
        assertThat(http.get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void a_callback_without_a_started_sign_in_shows_the_sign_in_error_page() {
        HttpResponse<String> response = http.get("/login/oauth2/code/portal?code=made-up&state=made-up");

        assertThat(HttpTestClient.location(response)).isEqualTo(baseUrl() + "/signin-error?reason=state");
    }

    @Test
    void pages_carry_the_security_headers() {
        HttpResponse<String> signInPage = http.follow(http.get("/"));

        assertThat(signInPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signInPage.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(signInPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(signInPage.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        // HSTS is for https only; over plain http it would be ignored and is not sent.
        assertThat(signInPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void the_identity_provider_publishes_its_discovery_document_under_its_issuer() {
        HttpResponse<String> discovery = http.get("/idp/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body())
                .contains(
                        "\"issuer\":\"" + baseUrl() + "/idp\"",
                        "\"end_session_endpoint\":\"" + baseUrl() + "/idp/connect/logout\"");
    }
}
