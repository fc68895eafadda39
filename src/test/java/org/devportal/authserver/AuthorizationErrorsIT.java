package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the sandbox issuer answers to a bad authorization or token request, over HTTP: the right {@code error} code
 * with a description that says what is wrong, and, before the user has signed in, the error page rather than a
 * redirect to whatever redirect URI a sandbox client registered.
 */
class AuthorizationErrorsIT extends IntegrationTest {

    private static final String SANDBOX = "/sandbox";
    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String SPA_CALLBACK = "http://127.0.0.1:8080/spa/callback";

    @Autowired
    ClientService clients;

    @Autowired
    ObjectMapper json;

    private final String email = "errors-" + UUID.randomUUID() + "@example.com";
    private ClientDetails confidential;
    private ClientDetails spa;
    private OAuthFlow flow;

    @BeforeEach
    void registerClients() {
        signInWithAccount(email, "Error Reader", OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Errors");
        confidential = TestClients.registerWithScopes(
                clients, team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", CALLBACK, "vendors:read");
        spa = TestClients.registerWithScopes(
                clients, team.id(), ClientType.PUBLIC, "Ledger Dashboard", SPA_CALLBACK, "vendors:read");
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    private String confidentialId() {
        return confidential.sandboxClientId().toString();
    }

    private String authorizeUrl(Map<String, String> overrides) {
        Map<String, String> parameters = new HashMap<>(overrides);
        parameters.replaceAll((name, value) -> value.isEmpty() ? null : value);
        return flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "keep-me", parameters);
    }

    private static void assertErrorPage(HttpResponse<String> response, String url, String code, String text) {
        assertThat(response.statusCode()).as(url).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).as(url).isEmpty();
        assertThat(response.body())
                .as(url)
                .contains("authorization-error")
                .contains("<code id=\"error-code\">" + code + "</code>")
                .contains(text);
    }

    @Test
    void before_sign_in_a_request_error_shows_the_error_page_and_never_redirects_to_the_client() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("invalid_scope", Map.of("scope", "vendors:read users:write"));
        cases.put("invalid_scope ", Map.of("scope", ""));
        cases.put("invalid_request", Map.of("state", ""));
        cases.put("invalid_request ", Map.of("code_challenge_method", "plain"));
        cases.put("invalid_request  ", Map.of("code_challenge", "", "code_challenge_method", ""));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            String url = authorizeUrl(c.getValue());
            HttpResponse<String> response = flow.browser.get(url);
            assertErrorPage(response, url, c.getKey().trim(), "before you sign in");
            assertThat(response.body()).doesNotContain("OAuth 2.0 Parameter");
        }
    }

    @Test
    void the_consent_page_lets_its_form_reach_https_and_the_loopback_hosts_and_no_other_page_does() {
        HttpResponse<String> toConsent = flow.open(authorizeUrl(Map.of()), email);
        String consentUrl = HttpTestClient.location(toConsent);
        HttpResponse<String> consentPage = flow.browser.get(consentUrl);

        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertThat(consentPage.headers().firstValue("Content-Security-Policy"))
                .get(InstanceOfAssertFactories.STRING)
                .contains("form-action 'self' https: http://localhost:* http://127.0.0.1:*;");
        assertThat(flow.browser.get("/idp/login").headers().firstValue("Content-Security-Policy"))
                .get(InstanceOfAssertFactories.STRING)
                .contains("form-action 'self';")
                .doesNotContain("http://localhost:*");
    }

    @Test
    void after_sign_in_a_request_error_goes_back_to_the_client_with_its_description_state_and_issuer() {
        flow.open(authorizeUrl(Map.of()), email);
        HttpResponse<String> response = flow.browser.get(authorizeUrl(Map.of("scope", "vendors:read users:write")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = HttpTestClient.location(response);
        assertThat(location).startsWith(CALLBACK + "?");
        Map<String, String> query = OAuthFlow.query(location);
        assertThat(query)
                .containsEntry("error", "invalid_scope")
                .containsEntry("state", "keep-me")
                .containsEntry("iss", baseUrl() + SANDBOX);
        assertThat(query.get("error_description")).contains("users:write");
    }

    @Test
    void response_type_token_is_an_unsupported_response_type_that_says_only_code_works() {
        String url = authorizeUrl(Map.of("response_type", "token"));
        HttpResponse<String> beforeSignIn = flow.browser.get(url);
        assertErrorPage(beforeSignIn, url, "unsupported_response_type", "Only response_type=code is supported");
        assertThat(beforeSignIn.body()).doesNotContain("does not name a client");

        flow.open(authorizeUrl(Map.of()), email);
        assertErrorPage(flow.browser.get(url), url, "unsupported_response_type", "response_type=token");
    }

    @Test
    void a_parameter_sent_twice_is_an_invalid_request_that_names_it() {
        for (String parameter : List.of("scope", "state", "redirect_uri", "client_id", "response_type")) {
            String url = authorizeUrl(Map.of()) + "&" + parameter + "=again";
            if (parameter.equals("response_type")) {
                url = authorizeUrl(Map.of()) + "&response_type=code";
            }
            assertErrorPage(
                    flow.browser.get(url),
                    url,
                    "invalid_request",
                    "The " + parameter + " parameter was sent 2 times. Send each parameter once.");
        }

        HttpResponse<String> token = flow.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + SANDBOX + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=a&code=b"
                        + "&redirect_uri=" + OAuthFlow.encode(SPA_CALLBACK) + "&client_id="
                        + spa.sandboxClientId() + "&code_verifier=" + OAuthFlow.VERIFIER))
                .build());
        JsonNode error = json.readTree(token.body());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
        assertThat(error.get("error").asString()).isEqualTo("invalid_request");
        assertThat(error.get("error_description").asString())
                .isEqualTo("The code parameter was sent 2 times. Send each parameter once.");
    }

    @Test
    void a_denied_consent_is_access_denied_with_a_description_a_person_can_read() {
        HttpResponse<String> toConsent = flow.open(authorizeUrl(Map.of()), email);
        HttpResponse<String> back =
                flow.consent(SANDBOX, confidentialId(), OAuthFlow.consentState(toConsent), List.of());
        Map<String, String> query = OAuthFlow.query(HttpTestClient.location(back));
        assertThat(query)
                .containsEntry("error", "access_denied")
                .containsEntry("error_description", "The user denied the authorization request.")
                .containsEntry("state", "keep-me");
    }

    @Test
    void a_wrong_code_verifier_is_an_invalid_grant_that_says_the_verifier_does_not_match() {
        String clientId = spa.sandboxClientId().toString();
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl(SANDBOX, clientId, SPA_CALLBACK, "vendors:read", "v", Map.of()),
                email,
                SANDBOX,
                clientId,
                List.of("vendors:read"));
        HttpResponse<String> exchange = flow.token(
                SANDBOX,
                null,
                null,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        callback.get("code"),
                        "redirect_uri",
                        SPA_CALLBACK,
                        "client_id",
                        clientId,
                        "code_verifier",
                        "A".repeat(43)));
        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(400);
        JsonNode error = json.readTree(exchange.body());
        assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asString())
                .startsWith("The code_verifier does not match the code_challenge of the authorization request");
    }
}
