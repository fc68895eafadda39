package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The sandbox and production issuers over plain HTTP, as a browser and a client's back end use them. */
class AuthorizationServerIT extends IntegrationTest {

    private static final String SANDBOX = "/sandbox";
    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String SPA_CALLBACK = "http://127.0.0.1:8080/spa/callback";

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuthorizationServerProperties properties;

    private final String email = "end-user-" + UUID.randomUUID() + "@example.com";
    private String subject;
    private TeamSummary team;
    private ClientDetails confidential;
    private ClientSecret secret;
    private ClientDetails spa;
    private OAuthFlow flow;

    @BeforeEach
    void registerClients() {
        subject = signInWithAccount(email, "End User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Issuers");
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, team.id(), "Ledger Sync", CALLBACK, "vendors:read", "accounts:read");
        confidential = sandbox.client();
        secret = sandbox.secret();
        spa = TestClients.registerWithScopes(
                clients, team.id(), ClientType.PUBLIC, "Ledger Dashboard", SPA_CALLBACK, "accounts:read");
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    private ClientDetails withScopes(ClientDetails client, String... scopes) {
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withScopes(scopes).build());
    }

    private java.time.Duration leeway() {
        return properties.refreshLeeway();
    }

    private String confidentialId() {
        return confidential.sandboxClientId().toString();
    }

    private Map<String, String> codeFor(ClientDetails client, String redirectUri, List<String> scopes, String state) {
        String url = flow.authorizeUrl(
                SANDBOX, client.sandboxClientId().toString(), redirectUri, String.join(" ", scopes), state, Map.of());
        return flow.authorize(url, email, SANDBOX, client.sandboxClientId().toString(), scopes);
    }

    private JsonNode exchange(String code, String redirectUri) {
        HttpResponse<String> response =
                flow.token(SANDBOX, confidentialId(), secret.value(), OAuthFlow.codeExchange(code, redirectUri));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode refresh(String refreshToken, int expectedStatus) {
        HttpResponse<String> response = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    @Test
    void a_confidential_client_goes_from_authorization_to_api_call_to_refresh_and_reuse_detection() {
        String state = "st-" + UUID.randomUUID() + " +/=?&é";
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read", "accounts:read"), state);
        assertThat(callback.get("state")).isEqualTo(state);
        assertThat(callback.get("iss")).isEqualTo(baseUrl() + SANDBOX);
        assertThat(callback.get("code")).isNotBlank();

        JsonNode tokens = exchange(callback.get("code"), CALLBACK);
        String accessToken = tokens.get("access_token").asString();
        String refreshToken = tokens.get("refresh_token").asString();
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(899L, 900L);
        assertThat(accessToken.split("\\.")).as("opaque, not a JWT").hasSize(1);
        assertThat(tokens.get("scope").asString().split(" "))
                .containsExactlyInAnyOrder("vendors:read", "accounts:read");

        HttpResponse<String> introspect = flow.api(SANDBOX + "/api/v1/introspect", accessToken);
        assertThat(introspect.statusCode()).isEqualTo(200);
        JsonNode echo = json.readTree(introspect.body());
        assertThat(echo.get("client_id").asString()).isEqualTo(confidentialId());
        assertThat(echo.get("sub").asString()).startsWith("urn:pleo:company:");
        assertThat(echo.get("scope").asString().split(" ")).containsExactlyInAnyOrder("vendors:read", "accounts:read");

        HttpResponse<String> vendors = flow.api(SANDBOX + "/api/v1/vendors", accessToken);
        assertThat(vendors.statusCode()).isEqualTo(200);
        assertThat(json.readTree(vendors.body()).get("vendors").size()).isGreaterThanOrEqualTo(3);

        JsonNode refreshed = refresh(refreshToken, 200);
        String newRefreshToken = refreshed.get("refresh_token").asString();
        assertThat(newRefreshToken).isNotEqualTo(refreshToken);
        assertThat(refreshed.get("access_token").asString()).isNotEqualTo(accessToken);

        clock.advance(leeway().plusSeconds(1));
        JsonNode reuse = refresh(refreshToken, 400);
        assertThat(reuse.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(reuse.get("error_description").asString()).contains("already used");
        assertThat(refresh(newRefreshToken, 400).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(flow.api(
                                SANDBOX + "/api/v1/introspect",
                                refreshed.get("access_token").asString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_public_client_uses_pkce_alone_and_refreshes_with_its_client_id() {
        String redirect = "http://127.0.0.1:53123/spa/callback";
        Map<String, String> callback = codeFor(spa, redirect, List.of("accounts:read"), "spa-state");
        String clientId = spa.sandboxClientId().toString();
        HttpResponse<String> exchange =
                flow.token(SANDBOX, null, null, OAuthFlow.publicCodeExchange(callback.get("code"), redirect, clientId));
        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
        String refreshToken =
                json.readTree(exchange.body()).get("refresh_token").asString();

        HttpResponse<String> refreshed = flow.token(
                SANDBOX,
                null,
                null,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json.readTree(refreshed.body()).get("refresh_token").asString())
                .isNotEqualTo(refreshToken);
    }

    @Test
    void a_public_client_cannot_exchange_a_code_without_the_verifier() {
        Map<String, String> callback = codeFor(spa, SPA_CALLBACK, List.of("accounts:read"), "s");
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
                        spa.sandboxClientId().toString()));
        assertThat(exchange.statusCode()).isIn(400, 401);
    }

    @Test
    void either_active_secret_works_during_a_rotation_and_a_wrong_one_is_refused() {
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        ClientSecret rotated = credentials.rotate(confidential.id(), SecretEnvironment.SANDBOX, GracePeriod.ONE_HOUR);
        SecurityContextHolder.clearContext();
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s1");
        HttpResponse<String> withOld = flow.token(
                SANDBOX, confidentialId(), secret.value(), OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(withOld.statusCode()).as(withOld.body()).isEqualTo(200);
        String refreshToken = json.readTree(withOld.body()).get("refresh_token").asString();
        HttpResponse<String> withNew = flow.token(
                SANDBOX,
                confidentialId(),
                rotated.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(withNew.statusCode()).as(withNew.body()).isEqualTo(200);

        HttpResponse<String> wrong = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value() + "x",
                Map.of("grant_type", "refresh_token", "refresh_token", "whatever"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("error").asString()).isEqualTo("invalid_client");
        HttpResponse<String> oddGrant = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value() + "x",
                Map.of("grant_type", "<script> REFRESH token", "refresh_token", "whatever"));
        assertThat(oddGrant.statusCode()).isEqualTo(401);
        HttpResponse<String> none = flow.token(
                SANDBOX,
                null,
                null,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", confidentialId()));
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void the_token_request_must_repeat_the_redirect_uri_and_prove_the_verifier() {
        Map<String, String> first = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        HttpResponse<String> wrongVerifier = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        first.get("code"),
                        "redirect_uri",
                        CALLBACK,
                        "code_verifier",
                        "x".repeat(43)));
        assertThat(json.readTree(wrongVerifier.body()).get("error").asString()).isEqualTo("invalid_grant");

        Map<String, String> second = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        HttpResponse<String> noVerifier = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value(),
                Map.of("grant_type", "authorization_code", "code", second.get("code"), "redirect_uri", CALLBACK));
        assertThat(json.readTree(noVerifier.body()).get("error").asString()).isEqualTo("invalid_grant");

        Map<String, String> third = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        HttpResponse<String> otherRedirect = flow.token(
                SANDBOX, confidentialId(), secret.value(), OAuthFlow.codeExchange(third.get("code"), CALLBACK + "/"));
        assertThat(json.readTree(otherRedirect.body()).get("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> malformed = flow.token(
                SANDBOX,
                confidentialId(),
                secret.value(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        third.get("code"),
                        "redirect_uri",
                        CALLBACK,
                        "code_verifier",
                        "short"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void a_code_works_once() {
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        exchange(callback.get("code"), CALLBACK);
        HttpResponse<String> again = flow.token(
                SANDBOX, confidentialId(), secret.value(), OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(json.readTree(again.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void an_unknown_client_or_a_bad_redirect_uri_gets_an_error_page_and_never_a_redirect() {
        for (String url : List.of(
                flow.authorizeUrl(SANDBOX, UUID.randomUUID().toString(), CALLBACK, "vendors:read", "s", Map.of()),
                flow.authorizeUrl(SANDBOX, "not-a-client", CALLBACK, "vendors:read", "s", Map.of()),
                flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK + "/", "vendors:read", "s", Map.of()),
                flow.authorizeUrl(
                        SANDBOX,
                        confidentialId(),
                        "https://LEDGER.example.com/callback",
                        "vendors:read",
                        "s",
                        Map.of()),
                flow.authorizeUrl(
                        SANDBOX, confidentialId(), "https://evil.example.net/callback", "vendors:read", "s", Map.of()),
                flow.authorizeUrl(SANDBOX, confidentialId(), null, "vendors:read", "s", Map.of()),
                flow.authorizeUrl("/production", confidentialId(), CALLBACK, "vendors:read", "s", Map.of()))) {
            HttpResponse<String> response = flow.browser.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(url).isEmpty();
            assertThat(response.body()).contains("authorization-error");
        }
        HttpResponse<String> implicit = flow.browser.get(flow.authorizeUrl(
                SANDBOX, confidentialId(), CALLBACK, "vendors:read", "s", Map.of("response_type", "token")));
        assertThat(implicit.statusCode()).isEqualTo(400);
    }

    @Test
    void a_loopback_ip_redirect_uri_matches_any_port_but_localhost_does_not() {
        HttpResponse<String> otherPort = flow.browser.get(flow.authorizeUrl(
                SANDBOX,
                spa.sandboxClientId().toString(),
                "http://127.0.0.1:40000/spa/callback",
                "accounts:read",
                "s",
                Map.of()));
        assertThat(otherPort.statusCode()).isEqualTo(302);
        assertThat(HttpTestClientLocation.of(otherPort)).contains("/oauth2/authorization/");

        HttpResponse<String> localhost = flow.browser.get(flow.authorizeUrl(
                SANDBOX,
                spa.sandboxClientId().toString(),
                "http://localhost:40000/spa/callback",
                "accounts:read",
                "s",
                Map.of()));
        assertThat(localhost.statusCode()).isEqualTo(400);
    }

    @Test
    void pkce_must_be_s256_and_other_request_errors_go_back_to_the_client_with_state_and_issuer() {
        // Once signed in: before, the sandbox shows such errors on its error page (AuthorizationErrorsIT).
        flow.open(flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "sign-in", Map.of()), email);
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("invalid_request", Map.of("code_challenge_method", "plain"));
        cases.put("invalid_request ", Map.of("code_challenge_method", ""));
        cases.put("invalid_request  ", Map.of("code_challenge", "", "code_challenge_method", ""));
        cases.put("invalid_scope", Map.of("scope", "vendors:read users:write"));
        cases.put("invalid_scope ", Map.of("scope", ""));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            java.util.Map<String, String> overrides = new java.util.HashMap<>(c.getValue());
            overrides.replaceAll((k, v) -> v.isEmpty() ? null : v);
            String url = flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "keep-me", overrides);
            HttpResponse<String> response = flow.browser.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(302);
            String location = HttpTestClientLocation.of(response);
            assertThat(location).as(url).startsWith(CALLBACK + "?");
            Map<String, String> query = OAuthFlow.query(location);
            assertThat(query.get("error")).as(url).isEqualTo(c.getKey().trim());
            assertThat(query.get("state")).isEqualTo("keep-me");
            assertThat(query.get("iss")).isEqualTo(baseUrl() + SANDBOX);
        }
        Map<String, String> noState = new java.util.HashMap<>();
        noState.put("state", null);
        HttpResponse<String> withoutState =
                flow.browser.get(flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "x", noState));
        assertThat(OAuthFlow.query(HttpTestClientLocation.of(withoutState)).get("error"))
                .isEqualTo("invalid_request");
    }

    @Test
    void denying_consent_sends_access_denied_back_with_the_state() {
        String url = flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "deny-state", Map.of());
        HttpResponse<String> toConsent = flow.open(url, email);
        HttpResponse<String> back =
                flow.consent(SANDBOX, confidentialId(), OAuthFlow.consentState(toConsent), List.of());
        Map<String, String> query = OAuthFlow.query(HttpTestClientLocation.of(back));
        assertThat(query.get("error")).isEqualTo("access_denied");
        assertThat(query.get("state")).isEqualTo("deny-state");
    }

    @Test
    void only_members_of_the_clients_team_can_authorise_it() {
        String outsider = "outsider-" + UUID.randomUUID() + "@example.com";
        TestAccounts.ensure(accounts, outsider, "Outsider", OAuthFlow.PASSWORD, Role.DEVELOPER);
        String url = flow.authorizeUrl(SANDBOX, confidentialId(), CALLBACK, "vendors:read", "o", Map.of());
        HttpResponse<String> toConsent = flow.open(url, outsider);
        HttpResponse<String> back =
                flow.consent(SANDBOX, confidentialId(), OAuthFlow.consentState(toConsent), List.of("vendors:read"));
        assertThat(OAuthFlow.query(HttpTestClientLocation.of(back)).get("error"))
                .isEqualTo("access_denied");
    }

    @Test
    void the_sample_api_answers_with_rfc_6750_errors() {
        HttpResponse<String> anonymous = flow.api(SANDBOX + "/api/v1/introspect", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> bogus = flow.api(SANDBOX + "/api/v1/introspect", "not-a-token");
        assertThat(bogus.statusCode()).isEqualTo(401);
        assertThat(bogus.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));

        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("accounts:read"), "s");
        String accessToken =
                exchange(callback.get("code"), CALLBACK).get("access_token").asString();
        HttpResponse<String> noScope = flow.api(SANDBOX + "/api/v1/vendors", accessToken);
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(noScope.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("insufficient_scope"));

        HttpResponse<String> otherIssuer = flow.api("/production/api/v1/introspect", accessToken);
        assertThat(otherIssuer.statusCode()).isEqualTo(401);
    }

    @Test
    void access_tokens_expire_after_fifteen_minutes() {
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        String accessToken =
                exchange(callback.get("code"), CALLBACK).get("access_token").asString();
        assertThat(flow.api(SANDBOX + "/api/v1/introspect", accessToken).statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try {
            assertThat(flow.api(SANDBOX + "/api/v1/introspect", accessToken).statusCode())
                    .isEqualTo(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void codes_and_tokens_are_stored_only_as_hashes_and_grants_are_audited_without_them() {
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        JsonNode tokens = exchange(callback.get("code"), CALLBACK);
        List<String> secrets = List.of(
                callback.get("code"),
                tokens.get("access_token").asString(),
                tokens.get("refresh_token").asString(),
                secret.value());
        List<Map<String, Object>> rows =
                jdbc.queryForList("select * from oauth_authorization where client_id = ?", confidential.id());
        assertThat(rows).isNotEmpty();
        String stored = rows.toString();
        secrets.forEach(value -> assertThat(stored).doesNotContain(value));
        assertThat(stored)
                .contains(AuthorizationStore.hashOf(tokens.get("access_token").asString()));

        String audit = jdbc.queryForList(
                        "select action, changes from audit_entry where client_id = ?", confidential.id())
                .toString();
        assertThat(audit).contains("Authorization granted", "Tokens issued");
        secrets.forEach(value -> assertThat(audit).doesNotContain(value));
    }

    @Test
    void each_issuer_publishes_what_it_supports() {
        HttpResponse<String> sandboxMetadata = flow.api(SANDBOX + "/.well-known/oauth-authorization-server", null);
        assertThat(sandboxMetadata.statusCode())
                .as(sandboxMetadata.headers() + sandboxMetadata.body())
                .isEqualTo(200);
        JsonNode sandbox = json.readTree(sandboxMetadata.body());
        assertThat(sandbox.get("issuer").asString()).isEqualTo(baseUrl() + SANDBOX);
        assertThat(sandbox.get("authorization_endpoint").asString())
                .isEqualTo(baseUrl() + SANDBOX + "/oauth/authorize");
        assertThat(sandbox.get("token_endpoint").asString()).isEqualTo(baseUrl() + SANDBOX + "/oauth/token");
        assertThat(sandbox.get("registration_endpoint").asString()).isEqualTo(baseUrl() + SANDBOX + "/oauth/register");
        assertThat(sandbox.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(sandbox.get("authorization_response_iss_parameter_supported").asBoolean())
                .isTrue();

        JsonNode oidc = json.readTree(
                flow.api(SANDBOX + "/.well-known/openid-configuration", null).body());
        assertThat(oidc.get("issuer").asString()).isEqualTo(baseUrl() + SANDBOX);
        assertThat(flow.api(SANDBOX + "/oauth/jwks", null).statusCode()).isEqualTo(200);

        JsonNode production = json.readTree(flow.api("/production/.well-known/oauth-authorization-server", null)
                .body());
        assertThat(production.get("issuer").asString()).isEqualTo(baseUrl() + "/production");
        assertThat(production.get("registration_endpoint").asString())
                .isEqualTo(baseUrl() + "/production/oauth/register");
        JsonNode rfc8414 = json.readTree(flow.api("/.well-known/oauth-authorization-server/sandbox", null)
                .body());
        assertThat(rfc8414.get("issuer").asString()).isEqualTo(baseUrl() + SANDBOX);
    }

    private JsonNode freshTokens(List<String> scopes) {
        Map<String, String> callback = codeFor(confidential, CALLBACK, scopes, "s");
        return exchange(callback.get("code"), CALLBACK);
    }

    private JsonNode spaTokens() {
        String redirect = "http://127.0.0.1:53123/spa/callback";
        Map<String, String> callback = codeFor(spa, redirect, List.of("accounts:read"), "spa-state");
        HttpResponse<String> exchange = flow.token(
                SANDBOX,
                null,
                null,
                OAuthFlow.publicCodeExchange(
                        callback.get("code"), redirect, spa.sandboxClientId().toString()));
        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
        return json.readTree(exchange.body());
    }

    private HttpResponse<String> spaRefresh(String refreshToken) {
        return flow.token(
                SANDBOX,
                null,
                null,
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "client_id",
                        spa.sandboxClientId().toString()));
    }

    /** Posts a form to one of the sandbox issuer's endpoints, with HTTP Basic when a client ID is given. */
    private HttpResponse<String> post(String endpoint, String basicClientId, String secret, Map<String, String> form) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + SANDBOX + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basicClientId != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString((OAuthFlow.encode(basicClientId) + ":" + OAuthFlow.encode(secret))
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream()
                .map(e -> OAuthFlow.encode(e.getKey()) + "=" + OAuthFlow.encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return flow.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private JsonNode introspect(String token, Map<String, String> extra) {
        Map<String, String> form = new java.util.HashMap<>(extra);
        form.put("token", token);
        HttpResponse<String> response = post("/oauth/introspect", confidentialId(), secret.value(), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private com.nimbusds.oauth2.sdk.auth.ClientSecretBasic nimbusCredentials() {
        return new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(
                new com.nimbusds.oauth2.sdk.id.ClientID(confidentialId()),
                new com.nimbusds.oauth2.sdk.auth.Secret(secret.value()));
    }

    private java.net.URI endpoint(String path) {
        return java.net.URI.create(baseUrl() + SANDBOX + path);
    }

    @Test
    void a_third_party_client_library_introspects_and_revokes_access_and_refresh_tokens() throws Exception {
        JsonNode tokens = freshTokens(List.of("vendors:read", "accounts:read"));
        String accessToken = tokens.get("access_token").asString();
        String refreshToken = tokens.get("refresh_token").asString();

        var access = com.nimbusds.oauth2.sdk.TokenIntrospectionResponse.parse(
                        new com.nimbusds.oauth2.sdk.TokenIntrospectionRequest(
                                        endpoint("/oauth/introspect"),
                                        nimbusCredentials(),
                                        new com.nimbusds.oauth2.sdk.token.BearerAccessToken(accessToken))
                                .toHTTPRequest()
                                .send())
                .toSuccessResponse();
        assertThat(access.isActive()).isTrue();
        assertThat(access.getClientID().getValue()).isEqualTo(confidentialId());
        assertThat(access.getScope().toStringList()).containsExactlyInAnyOrder("vendors:read", "accounts:read");
        assertThat(access.getSubject().getValue()).startsWith("urn:pleo:company:");
        assertThat(access.getTokenType().getValue()).isEqualToIgnoringCase("Bearer");
        assertThat(access.getStringParameter("iss")).isEqualTo(baseUrl() + SANDBOX);

        var refresh = com.nimbusds.oauth2.sdk.TokenIntrospectionResponse.parse(
                        new com.nimbusds.oauth2.sdk.TokenIntrospectionRequest(
                                        endpoint("/oauth/introspect"),
                                        nimbusCredentials(),
                                        new com.nimbusds.oauth2.sdk.token.RefreshToken(refreshToken))
                                .toHTTPRequest()
                                .send())
                .toSuccessResponse();
        assertThat(refresh.isActive()).isTrue();
        assertThat(refresh.getClientID().getValue()).isEqualTo(confidentialId());

        // Revoking the access token ends that token only.
        var revokeAccess = new com.nimbusds.oauth2.sdk.TokenRevocationRequest(
                        endpoint("/oauth/revoke"),
                        nimbusCredentials(),
                        new com.nimbusds.oauth2.sdk.token.BearerAccessToken(accessToken))
                .toHTTPRequest()
                .send();
        assertThat(revokeAccess.getStatusCode()).as(revokeAccess.getBody()).isEqualTo(200);
        assertThat(introspect(accessToken, Map.of()).get("active").asBoolean()).isFalse();
        assertThat(flow.api(SANDBOX + "/api/v1/introspect", accessToken).statusCode())
                .isEqualTo(401);
        assertThat(introspect(refreshToken, Map.of()).get("active").asBoolean()).isTrue();
        JsonNode refreshed = refresh(refreshToken, 200);

        // Revoking the refresh token ends its whole grant: the refresh token and the access token issued with it.
        String newAccessToken = refreshed.get("access_token").asString();
        String newRefreshToken = refreshed.get("refresh_token").asString();
        var revokeRefresh = new com.nimbusds.oauth2.sdk.TokenRevocationRequest(
                        endpoint("/oauth/revoke"),
                        nimbusCredentials(),
                        new com.nimbusds.oauth2.sdk.token.RefreshToken(newRefreshToken))
                .toHTTPRequest()
                .send();
        assertThat(revokeRefresh.getStatusCode()).isEqualTo(200);
        assertThat(introspect(newRefreshToken, Map.of()).get("active").asBoolean())
                .isFalse();
        assertThat(introspect(newAccessToken, Map.of()).get("active").asBoolean())
                .isFalse();
        assertThat(refresh(newRefreshToken, 400).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(flow.api(SANDBOX + "/api/v1/introspect", newAccessToken).statusCode())
                .isEqualTo(401);
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_id = ? and action = 'Token revoked'",
                        confidential.id()))
                .hasSize(2);
    }

    @Test
    void introspection_and_revocation_work_with_and_without_a_token_type_hint() {
        JsonNode tokens = freshTokens(List.of("vendors:read"));
        String accessToken = tokens.get("access_token").asString();
        String refreshToken = tokens.get("refresh_token").asString();
        for (Map<String, String> hint : List.of(
                Map.<String, String>of(),
                Map.of("token_type_hint", "access_token"),
                Map.of("token_type_hint", "refresh_token"))) {
            JsonNode access = introspect(accessToken, hint);
            assertThat(access.get("active").asBoolean()).as(hint.toString()).isTrue();
            assertThat(access.get("token_type").asString()).isEqualTo("Bearer");
            assertThat(access.get("scope").asString()).isEqualTo("vendors:read");
            assertThat(introspect(refreshToken, hint).get("active").asBoolean())
                    .as(hint.toString())
                    .isTrue();
        }
        assertThat(introspect("not-a-token", Map.of()).toString()).isEqualTo("{\"active\":false}");

        // The wrong hint does not stop a revocation (RFC 7009 §2.1).
        HttpResponse<String> revoked = post(
                "/oauth/revoke",
                confidentialId(),
                secret.value(),
                Map.of("token", refreshToken, "token_type_hint", "access_token"));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(introspect(refreshToken, Map.of()).get("active").asBoolean()).isFalse();
        assertThat(introspect(accessToken, Map.of()).get("active").asBoolean()).isFalse();
        HttpResponse<String> unknown =
                post("/oauth/revoke", confidentialId(), secret.value(), Map.of("token", "not-a-token"));
        assertThat(unknown.statusCode()).isEqualTo(200);
    }

    @Test
    void introspection_needs_a_confidential_client_and_tells_it_only_about_its_own_tokens() {
        JsonNode tokens = freshTokens(List.of("vendors:read"));
        String accessToken = tokens.get("access_token").asString();
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        ClientDetails other = clients.register(
                team.id(), ClientType.CONFIDENTIAL, "Other Ledger", "https://other.example.com/callback");
        ClientSecret otherSecret =
                credentials.takeRevealAfterRegistration(other.id()).orElseThrow();
        SecurityContextHolder.clearContext();

        HttpResponse<String> byOther = post(
                "/oauth/introspect",
                other.sandboxClientId().toString(),
                otherSecret.value(),
                Map.of("token", accessToken));
        assertThat(byOther.statusCode()).isEqualTo(200);
        assertThat(byOther.body()).isEqualTo("{\"active\":false}");
        HttpResponse<String> otherRevokes = post(
                "/oauth/revoke", other.sandboxClientId().toString(), otherSecret.value(), Map.of("token", accessToken));
        assertThat(otherRevokes.statusCode()).isEqualTo(200);
        assertThat(introspect(accessToken, Map.of()).get("active").asBoolean())
                .as("another client's revocation leaves the token alone")
                .isTrue();

        HttpResponse<String> anonymous = post("/oauth/introspect", null, null, Map.of("token", accessToken));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSecret =
                post("/oauth/introspect", confidentialId(), secret.value() + "x", Map.of("token", accessToken));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrongSecret.body()).get("error").asString()).isEqualTo("invalid_client");

        JsonNode spaTokens = spaTokens();
        HttpResponse<String> publicClient = post(
                "/oauth/introspect",
                null,
                null,
                Map.of(
                        "token",
                        spaTokens.get("access_token").asString(),
                        "client_id",
                        spa.sandboxClientId().toString()));
        assertThat(publicClient.statusCode()).as(publicClient.body()).isEqualTo(401);
        assertThat(publicClient.body()).doesNotContain("\"active\"");
    }

    @Test
    void a_public_client_revokes_its_own_refresh_token_with_its_client_id_alone() throws Exception {
        JsonNode tokens = spaTokens();
        String refreshToken = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshed = spaRefresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String current = json.readTree(refreshed.body()).get("refresh_token").asString();
        String accessToken = json.readTree(refreshed.body()).get("access_token").asString();

        var revocation = new com.nimbusds.oauth2.sdk.TokenRevocationRequest(
                        endpoint("/oauth/revoke"),
                        new com.nimbusds.oauth2.sdk.id.ClientID(
                                spa.sandboxClientId().toString()),
                        new com.nimbusds.oauth2.sdk.token.RefreshToken(current))
                .toHTTPRequest()
                .send();
        assertThat(revocation.getStatusCode()).as(revocation.getBody()).isEqualTo(200);
        HttpResponse<String> afterwards = spaRefresh(current);
        assertThat(afterwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(afterwards.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(flow.api(SANDBOX + "/api/v1/introspect", accessToken).statusCode())
                .isEqualTo(401);

        // A confidential client's ID alone authenticates nothing.
        HttpResponse<String> confidentialIdAlone = post(
                "/oauth/revoke",
                null,
                null,
                Map.of(
                        "token",
                        freshTokens(List.of("vendors:read")).get("access_token").asString(),
                        "client_id",
                        confidentialId()));
        assertThat(confidentialIdAlone.statusCode()).isEqualTo(401);
    }

    @Test
    void two_hundred_parallel_refreshes_with_one_token_leave_exactly_one_working_chain() throws Exception {
        String refreshToken =
                freshTokens(List.of("vendors:read")).get("refresh_token").asString();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + SANDBOX + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString((confidentialId() + ":" + secret.value())
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=" + refreshToken))
                .build();
        // Every request of the burst falls within the refresh leeway, however long a busy machine queues them.
        clock.freeze();
        List<HttpResponse<String>> answers;
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> pending =
                    java.util.stream.IntStream.range(0, 200)
                            .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                            .toList();
            answers = pending.stream()
                    .map(java.util.concurrent.CompletableFuture::join)
                    .toList();
        }
        List<HttpResponse<String>> granted =
                answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(granted).as("exactly one refresh rotates the token").hasSize(1);
        // The others are told the grant is still valid, or, when the burst outruns the connection pool, to retry.
        assertThat(answers).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> {
            assertThat(r.statusCode()).isIn(400, 503);
            JsonNode error = json.readTree(r.body());
            if (r.statusCode() == 400) {
                assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
                assertThat(error.get("error_description").asString()).contains("still valid");
            } else {
                assertThat(error.get("error").asString()).isEqualTo("temporarily_unavailable");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        });

        JsonNode chain = json.readTree(granted.getFirst().body());
        assertThat(flow.api(
                                SANDBOX + "/api/v1/introspect",
                                chain.get("access_token").asString())
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            chain = refresh(chain.get("refresh_token").asString(), 200);
            assertThat(flow.api(
                                    SANDBOX + "/api/v1/introspect",
                                    chain.get("access_token").asString())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_id = ? and action = 'Refresh token reused'",
                        confidential.id()))
                .isEmpty();
    }

    @Test
    void a_second_use_within_the_leeway_keeps_the_grant_and_one_after_it_revokes_everything() {
        String first = freshTokens(List.of("vendors:read")).get("refresh_token").asString();
        JsonNode second = refresh(first, 200);
        JsonNode again = refresh(first, 400);
        assertThat(again.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(again.get("error_description").asString()).contains("still valid");
        JsonNode third = refresh(second.get("refresh_token").asString(), 200);

        clock.advance(leeway().plusSeconds(1));
        JsonNode reuse = refresh(first, 400);
        assertThat(reuse.get("error_description").asString()).contains("already used");
        assertThat(refresh(third.get("refresh_token").asString(), 400)
                        .get("error")
                        .asString())
                .isEqualTo("invalid_grant");
        assertThat(flow.api(
                                SANDBOX + "/api/v1/introspect",
                                third.get("access_token").asString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void of_two_parallel_redemptions_of_one_code_exactly_one_gets_tokens_and_the_replay_revokes_them()
            throws Exception {
        Map<String, String> callback = codeFor(confidential, CALLBACK, List.of("vendors:read"), "s");
        Map<String, String> form = OAuthFlow.codeExchange(callback.get("code"), CALLBACK);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<HttpResponse<String>> answers;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<HttpResponse<String>>> pending = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return flow.token(SANDBOX, confidentialId(), secret.value(), form);
                    }))
                    .toList();
            start.countDown();
            answers = new java.util.ArrayList<>();
            for (var answer : pending) {
                answers.add(answer.get());
            }
        }
        List<HttpResponse<String>> granted =
                answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(granted).as("exactly one exchange gets tokens").hasSize(1);
        assertThat(answers)
                .filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(json.readTree(r.body()).get("error").asString())
                        .isEqualTo("invalid_grant"));
        JsonNode issued = json.readTree(granted.getFirst().body());
        assertThat(flow.api(
                                SANDBOX + "/api/v1/introspect",
                                issued.get("access_token").asString())
                        .statusCode())
                .as("the replay revoked the access token")
                .isEqualTo(401);
        assertThat(refresh(issued.get("refresh_token").asString(), 400)
                        .get("error")
                        .asString())
                .isEqualTo("invalid_grant");
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_id = ? and action = 'Authorization code reused'",
                        confidential.id()))
                .isNotEmpty();
    }

    @Test
    void a_scope_removed_from_the_client_disappears_from_its_grants_at_the_next_refresh() {
        JsonNode tokens = freshTokens(List.of("vendors:read", "accounts:read"));
        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        confidential = withScopes(clients.get(confidential.id()), "accounts:read", "users:read");
        SecurityContextHolder.clearContext();

        JsonNode narrowed = refresh(tokens.get("refresh_token").asString(), 200);
        assertThat(narrowed.get("scope").asString()).isEqualTo("accounts:read");
        String accessToken = narrowed.get("access_token").asString();
        assertThat(flow.api(SANDBOX + "/api/v1/vendors", accessToken).statusCode())
                .isEqualTo(403);
        assertThat(introspect(accessToken, Map.of()).get("scope").asString()).isEqualTo("accounts:read");
        JsonNode again = refresh(narrowed.get("refresh_token").asString(), 200);
        assertThat(again.get("scope").asString())
                .as("users:read was added to the client, never granted")
                .isEqualTo("accounts:read");

        SignedIn.withSubject(subject, email, Role.DEVELOPER);
        confidential = withScopes(clients.get(confidential.id()), "users:read");
        SecurityContextHolder.clearContext();
        JsonNode ended = refresh(again.get("refresh_token").asString(), 400);
        assertThat(ended.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(ended.get("error_description").asString()).contains("authorise the client again");
        assertThat(flow.api(
                                SANDBOX + "/api/v1/introspect",
                                again.get("access_token").asString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void refresh_chains_end_at_the_grant_lifetime_however_often_they_rotate() {
        JsonNode tokens = spaTokens();
        // Within the refresh token's 60 days, 40 days before the grant ends.
        clock.advance(properties.grantLifetime().minusDays(40));
        HttpResponse<String> late = spaRefresh(tokens.get("refresh_token").asString());
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap(
                "select created_at, refresh_expires_at from oauth_authorization where refresh_hash = ?",
                AuthorizationStore.hashOf(
                        json.readTree(late.body()).get("refresh_token").asString()));
        assertThat(((java.sql.Timestamp) row.get("refresh_expires_at")).toInstant())
                .as("the new refresh token ends with the grant, not 60 days after this refresh")
                .isEqualTo(
                        ((java.sql.Timestamp) row.get("created_at")).toInstant().plus(properties.grantLifetime()));

        clock.advance(java.time.Duration.ofDays(40).plusMinutes(1));
        HttpResponse<String> tooLate =
                spaRefresh(json.readTree(late.body()).get("refresh_token").asString());
        assertThat(tooLate.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(tooLate.body());
        assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asString()).contains("must authorise the client again");
    }

    @Test
    void each_issuer_has_one_path() {
        for (String issuerPath : List.of("/sandbox/anything", "/sandbox/a/b", "/production/anything")) {
            HttpResponse<String> response = flow.token(
                    issuerPath,
                    confidentialId(),
                    secret.value(),
                    Map.of("grant_type", "refresh_token", "refresh_token", "x"));
            assertThat(response.statusCode()).as(issuerPath).isEqualTo(404);
            assertThat(response.body()).as(issuerPath).doesNotContain("access_token");
        }
        for (String endpoint : List.of("/anything/oauth/introspect", "/anything/oauth/revoke")) {
            HttpResponse<String> response = post(endpoint, confidentialId(), secret.value(), Map.of("token", "x"));
            assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
        }
        for (String path : List.of(
                "/sandbox/anything/.well-known/openid-configuration",
                "/sandbox/anything/.well-known/oauth-authorization-server",
                "/.well-known/oauth-authorization-server/sandbox/anything",
                "/production/anything/oauth/jwks",
                "/sandbox/anything/oauth/authorize?response_type=code")) {
            HttpResponse<String> response = flow.api(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("/sandbox/anything");
        }
        // The issuers' own paths still answer.
        assertThat(post("/oauth/introspect", confidentialId(), secret.value(), Map.of("token", "x"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(flow.api("/production/.well-known/openid-configuration", null)
                        .statusCode())
                .isEqualTo(200);
    }

    /** The redirect target of a response. */
    private static final class HttpTestClientLocation {
        static String of(HttpResponse<String> response) {
            return response.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new AssertionError(
                            "Expected a redirect but got " + response.statusCode() + ": " + response.body()));
        }
    }
}
