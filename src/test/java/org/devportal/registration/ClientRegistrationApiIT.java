package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devportal.registration.RegistrationFixture.json;
import static org.devportal.registration.RegistrationFixture.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.Environment;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientType;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/** The registration API over plain HTTP, against the running server, as a team's automation would use it. */
@ExtendWith(OutputCaptureExtension.class)
class ClientRegistrationApiIT extends IntegrationTest {

    private static final String REGISTER = "/sandbox/oauth/register";

    @Autowired
    InitialAccessTokenService tokens;

    @Autowired
    ClientDirectory directory;

    @Autowired
    CredentialService credentials;

    @Autowired
    AuditLog audit;

    @Autowired
    RegistrationAccessTokenService accessTokens;

    @Autowired
    JdbcTemplate jdbc;

    private final String member = "automation-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void aTeamWithAMember() {
        team = signInWithANewTeam(member, "Automation", Role.DEVELOPER);
    }

    @Test
    void a_third_party_client_library_registers_a_client_with_openid_and_reads_it_back() throws Exception {
        com.nimbusds.oauth2.sdk.client.ClientMetadata metadata = new com.nimbusds.oauth2.sdk.client.ClientMetadata();
        metadata.setName("Ledger Sign-in");
        metadata.setRedirectionURI(URI.create("https://ledger.example.com/cb"));
        metadata.setScope(com.nimbusds.oauth2.sdk.Scope.parse("openid accounts:read"));
        metadata.setEmailContacts(List.of("ops@ledger.example.com"));
        metadata.setTokenEndpointAuthMethod(
                com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC);

        var registered = com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse.parse(
                new com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest(
                                URI.create(baseUrl() + REGISTER),
                                metadata,
                                new com.nimbusds.oauth2.sdk.token.BearerAccessToken(
                                        initialAccessToken(TokenLifetime.ONE_HOUR, 1)))
                        .toHTTPRequest()
                        .send());

        assertThat(registered.indicatesSuccess()).as(registered.toString()).isTrue();
        var information =
                ((com.nimbusds.oauth2.sdk.client.ClientInformationResponse) registered).getClientInformation();
        assertThat(information.getMetadata().getScope().toStringList())
                .containsExactlyInAnyOrder("openid", "accounts:read");
        assertThat(information.getSecret().getValue()).startsWith("dpsbx_");
        UUID clientId = UUID.fromString(information.getID().getValue());
        assertThat(directory.bySandboxClientId(clientId).orElseThrow().scopes())
                .containsExactlyInAnyOrder("openid", "accounts:read");

        var read = com.nimbusds.oauth2.sdk.client.ClientInformationResponse.parse(
                new com.nimbusds.oauth2.sdk.client.ClientReadRequest(
                                information.getRegistrationURI(), information.getRegistrationAccessToken())
                        .toHTTPRequest()
                        .send());
        assertThat(read.getClientInformation().getID()).isEqualTo(information.getID());
        assertThat(read.getClientInformation().getMetadata().getScope().toStringList())
                .containsExactlyInAnyOrder("openid", "accounts:read");
        assertThat(read.getClientInformation().getRegistrationAccessToken())
                .as("rotated on use")
                .isNotEqualTo(information.getRegistrationAccessToken());
    }

    @Test
    void a_confidential_client_is_registered_with_its_first_secret_and_a_registration_access_token() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 1);
        Instant before = clock.instant().minusSeconds(1);

        HttpResponse<String> response = post(REGISTER, token, """
                {"client_name": "Ledger Sync",
                 "redirect_uris": ["https://ledger.example.com/cb", "http://127.0.0.1/cb"],
                 "scope": "accounts:read vendors:read",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "grant_types": ["authorization_code", "refresh_token"],
                 "response_types": ["code"],
                 "contacts": ["ops@ledger.example.com"],
                 "client_uri": "https://ledger.example.com",
                 "tos_uri": "https://ledger.example.com/terms",
                 "policy_uri": "https://ledger.example.com/privacy",
                 "initiation_uri": "https://ledger.example.com/connect",
                 "settings_uri": "https://ledger.example.com/settings",
                 "logo_uri": "https://cdn.example.com/logo.png",
                 "subject_type_preference": "organisation",
                 "software_version": "2.1"}
                """);

        assertThat(response.statusCode()).isEqualTo(201);
        assertNoStoreJson(response);
        JsonNode body = json(response);
        UUID clientId = UUID.fromString(body.get("client_id").stringValue());
        ClientDetails client = directory.bySandboxClientId(clientId).orElseThrow();
        assertThat(client.teamId()).isEqualTo(team.id());
        assertThat(client.clientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(client.createdBy()).isEqualTo("Registration API");
        assertThat(client.subjectType()).isEqualTo(SubjectTypePreference.ORGANISATION);
        assertThat(client.logoHash()).isNull();

        String secret = body.get("client_secret").stringValue();
        assertThat(secret).startsWith("dpsbx_").hasSize(55);
        assertThat(credentials.verify(clientId, secret)).isPresent();
        assertThat(body.get("client_secret_expires_at").longValue()).isZero();
        assertThat(Instant.ofEpochSecond(body.get("client_id_issued_at").longValue()))
                .isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(body.get("registration_access_token").stringValue()).matches("dprat_[0-9A-Za-z]{43}");
        assertThat(body.get("registration_client_uri").stringValue()).isEqualTo(baseUrl() + REGISTER + "/" + clientId);
        assertThat(body.get("client_name").stringValue()).isEqualTo("Ledger Sync");
        assertThat(strings(body.get("redirect_uris")))
                .containsExactly("https://ledger.example.com/cb", "http://127.0.0.1/cb");
        assertThat(body.get("scope").stringValue()).isEqualTo("accounts:read vendors:read");
        assertThat(body.get("token_endpoint_auth_method").stringValue()).isEqualTo("client_secret_basic");
        assertThat(strings(body.get("grant_types"))).containsExactly("authorization_code", "refresh_token");
        assertThat(strings(body.get("response_types"))).containsExactly("code");
        assertThat(strings(body.get("contacts"))).containsExactly("ops@ledger.example.com");
        assertThat(body.get("tos_uri").stringValue()).isEqualTo("https://ledger.example.com/terms");
        assertThat(body.get("policy_uri").stringValue()).isEqualTo("https://ledger.example.com/privacy");
        assertThat(body.get("client_uri").stringValue()).isEqualTo("https://ledger.example.com");
        assertThat(body.get("initiation_uri").stringValue()).isEqualTo("https://ledger.example.com/connect");
        assertThat(body.get("settings_uri").stringValue()).isEqualTo("https://ledger.example.com/settings");
        assertThat(body.get("subject_type_preference").stringValue()).isEqualTo("ORGANISATION");
        assertThat(body.has("logo_uri")).isFalse();

        // The secret went to the automation; the client page has nothing left to reveal.
        assertThat(credentials.takeRevealAfterRegistration(client.id())).isEmpty();
        List<HistoryEntry> history = audit.historyOf(client.id());
        assertThat(history).extracting(HistoryEntry::action).contains("Registered", "Secret issued");
        assertThat(history).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("Registration API"));
        assertThat(tokens.list(team.id())).singleElement().satisfies(view -> {
            assertThat(view.usesLeft()).isZero();
            assertThat(view.status()).isEqualTo(InitialAccessTokenStatus.USED_UP);
        });
    }

    @Test
    void a_public_client_is_registered_without_a_secret() {
        HttpResponse<String> response = post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Dashboard", "none", "https://dash.example.com/cb"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("token_endpoint_auth_method").stringValue()).isEqualTo("none");
        assertThat(body.has("client_secret")).isFalse();
        assertThat(body.has("client_secret_expires_at")).isFalse();
        assertThat(directory.bySandboxClientId(
                        UUID.fromString(body.get("client_id").stringValue())))
                .hasValueSatisfying(client -> assertThat(client.clientType()).isEqualTo(ClientType.PUBLIC));
    }

    @Test
    void the_registration_access_token_reads_replaces_and_deletes_its_client() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Ledger", "client_secret_basic", "https://ledger.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String clientId = registered.get("client_id").stringValue();
        String accessToken = registered.get("registration_access_token").stringValue();

        HttpResponse<String> read = send("GET", clientUri, accessToken, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertNoStoreJson(read);
        assertThat(json(read).get("client_name").stringValue()).isEqualTo("Ledger");
        assertThat(json(read).has("client_secret")).isFalse();

        HttpResponse<String> replaced = send("PUT", clientUri, accessToken, """
                {"client_id": "%s", "client_name": "Ledger Two", "redirect_uris": ["https://two.example.com/cb"],
                 "scope": "vendors:write", "contacts": ["two@example.com"], "registration_access_token": "ignored"}
                """.formatted(clientId));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertNoStoreJson(replaced);
        JsonNode after = json(replaced);
        assertThat(after.get("client_name").stringValue()).isEqualTo("Ledger Two");
        assertThat(strings(after.get("redirect_uris"))).containsExactly("https://two.example.com/cb");
        assertThat(after.get("scope").stringValue()).isEqualTo("vendors:write");
        assertThat(after.has("client_secret")).isFalse();
        assertThat(after.has("tos_uri")).isFalse();
        ClientDetails stored =
                directory.bySandboxClientId(UUID.fromString(clientId)).orElseThrow();
        assertThat(stored.name()).isEqualTo("Ledger Two");
        assertThat(stored.updatedBy()).isEqualTo("Registration API");

        HttpResponse<String> deleted = send("DELETE", clientUri, accessToken, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(directory.bySandboxClientId(UUID.fromString(clientId))).isEmpty();
        HttpResponse<String> gone = send("GET", clientUri, accessToken, null);
        assertInvalidToken(gone);
        assertThat(audit.historyOf(stored.id()))
                .extracting(HistoryEntry::action)
                .contains("Registered", "Edited", "Deleted");
    }

    @Test
    void a_replacement_must_name_the_client_and_keep_its_authentication_method() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Ledger", "client_secret_basic", "https://ledger.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String accessToken = registered.get("registration_access_token").stringValue();
        String clientId = registered.get("client_id").stringValue();

        assertInvalidMetadata(
                send(
                        "PUT",
                        clientUri,
                        accessToken,
                        withClientId(UUID.randomUUID().toString())),
                "invalid_client_metadata",
                "client_id does not match");
        assertInvalidMetadata(
                send(
                        "PUT",
                        clientUri,
                        accessToken,
                        metadata("Ledger", "client_secret_basic", "https://ledger.example.com/cb")),
                "invalid_client_metadata",
                "client_id: include");
        assertInvalidMetadata(
                send("PUT", clientUri, accessToken, """
                {"client_id": "%s", "client_name": "Ledger", "redirect_uris": ["https://ledger.example.com/cb"],
                 "scope": "accounts:read", "contacts": ["ops@example.com"], "token_endpoint_auth_method": "none"}
                """.formatted(clientId)),
                "invalid_client_metadata",
                "token_endpoint_auth_method cannot change");
        assertInvalidMetadata(
                send("PUT", clientUri, accessToken, """
                {"client_id": "%s", "client_name": "Ledger", "redirect_uris": ["https://ledger.example.com/cb#x"],
                 "scope": "accounts:read", "contacts": ["ops@example.com"]}
                """.formatted(clientId)),
                "invalid_redirect_uri",
                "redirect_uris: Redirect URI 1: Fragments");
        assertThat(directory.bySandboxClientId(UUID.fromString(clientId)))
                .hasValueSatisfying(client -> assertThat(client.redirectUris())
                        .extracting(RedirectUri::value)
                        .containsExactly("https://ledger.example.com/cb"));
    }

    @Test
    void a_registration_access_token_works_only_for_its_own_client() {
        String initial = initialAccessToken(TokenLifetime.ONE_HOUR, 2);
        JsonNode first = json(post(REGISTER, initial, metadata("First", "none", "https://first.example.com/cb")));
        JsonNode second = json(post(REGISTER, initial, metadata("Second", "none", "https://second.example.com/cb")));

        assertInvalidToken(send(
                "GET",
                second.get("registration_client_uri").stringValue(),
                first.get("registration_access_token").stringValue(),
                null));
        assertInvalidToken(send(
                "DELETE",
                second.get("registration_client_uri").stringValue(),
                first.get("registration_access_token").stringValue(),
                null));
        assertThat(directory.bySandboxClientId(
                        UUID.fromString(second.get("client_id").stringValue())))
                .isPresent();
    }

    @Test
    void a_token_with_its_uses_spent_is_refused() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 2);

        assertThat(post(REGISTER, token, metadata("One", "none", "https://one.example.com/cb"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(REGISTER, token, metadata("Two", "none", "https://two.example.com/cb"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> third = post(REGISTER, token, metadata("Three", "none", "https://three.example.com/cb"));

        assertInvalidToken(third);
        assertThat(json(third).get("error_description").stringValue()).contains("no uses left");
    }

    @Test
    void a_refused_registration_does_not_spend_a_use() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 1);

        assertThat(post(REGISTER, token, metadata("Pleo Sync", "none", "https://one.example.com/cb"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(REGISTER, token, metadata("Sync", "none", "https://one.example.com/cb"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void an_expired_token_is_refused() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 5);
        clock.advance(Duration.ofMinutes(61));

        HttpResponse<String> response = post(REGISTER, token, metadata("Late", "none", "https://late.example.com/cb"));

        assertInvalidToken(response);
        assertThat(json(response).get("error_description").stringValue()).contains("has expired");
    }

    @Test
    void a_revoked_token_is_refused() {
        signIn();
        NewInitialAccessToken created = tokens.create(team.id(), TokenLifetime.SEVEN_DAYS, 5);
        tokens.revoke(team.id(), created.view().id());
        SecurityContextHolder.clearContext();

        HttpResponse<String> response =
                post(REGISTER, created.token().value(), metadata("Revoked", "none", "https://r.example.com/cb"));

        assertInvalidToken(response);
        assertThat(json(response).get("error_description").stringValue()).contains("was revoked");
    }

    @Test
    void a_missing_or_wrong_token_gets_401_with_a_bearer_challenge() {
        String body = metadata("Nobody", "none", "https://n.example.com/cb");

        assertInvalidToken(post(REGISTER, null, body));
        assertInvalidToken(post(REGISTER, "dpiat_" + "A".repeat(43), body));
        assertInvalidToken(post(REGISTER, "not a token", body));
        assertInvalidToken(send("GET", REGISTER + "/" + UUID.randomUUID(), "dprat_" + "A".repeat(43), null));
        assertInvalidToken(send("GET", REGISTER + "/not-a-client", null, null));
        // A registration access token is not an initial access token, whatever it can do elsewhere.
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Somebody", "none", "https://s.example.com/cb")));
        assertInvalidToken(
                post(REGISTER, registered.get("registration_access_token").stringValue(), body));
    }

    @Test
    void redirect_uris_break_the_same_rules_as_on_the_client_page() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 5);

        assertInvalidMetadata(
                post(REGISTER, token, metadata("A", "none", "https://a.example.com/cb#done")),
                "invalid_redirect_uri",
                "redirect_uris: Redirect URI 1: Fragments (#…) are not allowed");
        assertInvalidMetadata(
                post(REGISTER, token, metadata("B", "none", "http://app.example.com/cb")),
                "invalid_redirect_uri",
                "http is only allowed for localhost, 127.0.0.1 and [::1]");
        assertInvalidMetadata(
                post(REGISTER, token, """
                {"client_name": "C", "scope": "accounts:read", "contacts": ["ops@example.com"]}
                """), "invalid_redirect_uri", "redirect_uris: Add at least one redirect URI");
        assertThat(tokens.list(team.id()))
                .singleElement()
                .satisfies(view -> assertThat(view.usesLeft()).isEqualTo(5));
    }

    @Test
    void other_metadata_rules_give_invalid_client_metadata_naming_the_field() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 5);

        assertInvalidMetadata(
                post(REGISTER, token, """
                {"client_name": "A", "redirect_uris": ["https://a.example.com/cb"], "scope": "accounts:read payroll:write",
                 "contacts": ["ops@example.com"]}
                """),
                "invalid_client_metadata",
                "scope: \"payroll:write\" is not a scope of the catalogue");
        assertInvalidMetadata(
                post(REGISTER, token, """
                {"client_name": "A", "redirect_uris": ["https://a.example.com/cb"], "scope": "accounts:read"}
                """), "invalid_client_metadata", "contacts: Add at least one contact");
        assertInvalidMetadata(post(REGISTER, token, """
                {"client_name": "A", "redirect_uris": ["https://a.example.com/cb"], "scope": "accounts:read",
                 "contacts": ["ops@example.com"], "tos_uri": "ftp://a.example.com/terms"}
                """), "invalid_client_metadata", "tos_uri: ");
        assertInvalidMetadata(
                post(REGISTER, token, """
                {"client_name": "A", "redirect_uris": ["https://a.example.com/cb"], "scope": "accounts:read",
                 "contacts": ["ops@example.com"], "grant_types": ["client_credentials"]}
                """),
                "invalid_client_metadata",
                "grant_types: only authorization_code and refresh_token");
        assertThat(post(REGISTER, token, metadata("Twin", "none", "https://t.example.com/cb"))
                        .statusCode())
                .isEqualTo(201);
        assertInvalidMetadata(
                post(REGISTER, token, metadata("twin", "none", "https://t.example.com/cb")),
                "invalid_client_metadata",
                "client_name: Your team already has a client called \"twin\"");
    }

    @Test
    void malformed_and_oversized_bodies_get_400_never_500() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 5);

        assertInvalidMetadata(post(REGISTER, token, "{\"client_name\": "), "invalid_client_metadata", "not valid JSON");
        assertInvalidMetadata(post(REGISTER, token, "[1, 2, 3]"), "invalid_client_metadata", "JSON object");
        assertInvalidMetadata(post(REGISTER, token, ""), "invalid_client_metadata", "JSON object");
        assertInvalidMetadata(
                post(REGISTER, token, "{\"redirect_uris\": {\"a\": 1}}"),
                "invalid_client_metadata",
                "redirect_uris must be an array of strings");
        String huge = "{\"client_name\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertInvalidMetadata(post(REGISTER, token, huge), "invalid_client_metadata", "larger than 64 KB");
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(baseUrl() + REGISTER))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_name=Ledger"))
                .build());
        assertInvalidMetadata(form, "invalid_client_metadata", "Content-Type: application/json");
        HttpResponse<String> wrongMethod = send("GET", REGISTER, token, null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(tokens.list(team.id()))
                .singleElement()
                .satisfies(view -> assertThat(view.usesLeft()).isEqualTo(5));
    }

    @Test
    void a_sandbox_token_does_not_register_at_production_and_keeps_its_use() {
        String token = initialAccessToken(TokenLifetime.ONE_HOUR, 1);

        HttpResponse<String> register =
                send("POST", "/production/oauth/register", token, metadata("Prod", "none", "https://p.example.com/cb"));

        assertThat(register.statusCode()).isEqualTo(401);
        assertThat(register.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertNoStoreJson(register);
        assertThat(json(register).get("error_description").stringValue()).contains("sandbox initial access token");
        assertThat(tokens.list(team.id()).getFirst().usesLeft()).isEqualTo(1);
    }

    @Test
    void the_api_sets_no_session_and_sends_the_portal_security_headers() {
        HttpResponse<String> response = post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Headers", "none", "https://h.example.com/cb"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void no_token_or_secret_value_reaches_the_audit_log_or_the_log_output(CapturedOutput output) {
        String initial = initialAccessToken(TokenLifetime.ONE_HOUR, 2);
        JsonNode registered = json(
                post(REGISTER, initial, metadata("Audited", "client_secret_basic", "https://audited.example.com/cb")));
        String secret = registered.get("client_secret").stringValue();
        String accessToken = registered.get("registration_access_token").stringValue();
        String clientUri = registered.get("registration_client_uri").stringValue();
        send("PUT", clientUri, accessToken, """
                {"client_id": "%s", "client_secret": "%s", "client_name": "Audited Again",
                 "redirect_uris": ["https://audited.example.com/cb"], "scope": "accounts:read",
                 "contacts": ["ops@example.com"]}
                """.formatted(
                        registered.get("client_id").stringValue(), secret));
        send("DELETE", clientUri, accessToken, null);
        post(REGISTER, initial, "{\"client_name\": 1}");

        List<Map<String, Object>> entries = jdbc.queryForList(
                "select action, actor_subject, actor_name, changes from audit_entry where team_id = ?",
                team.id().toString());
        assertThat(entries)
                .extracting(entry -> entry.get("action"))
                .contains("Registered", "Secret issued", "Edited", "Deleted");
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> entry.values().forEach(value -> values.add(String.valueOf(value))));
        for (String sensitive : List.of(initial, accessToken, secret)) {
            assertThat(values).noneSatisfy(value -> assertThat(value).contains(sensitive));
            assertThat(output.getAll()).doesNotContain(sensitive);
        }
        assertThat(String.join(" ", values)).contains("Registration API").contains("dpsbx_…");
    }

    @Test
    void every_use_returns_a_new_registration_access_token_and_the_one_before_works_only_for_a_short_grace() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Rotating", "none", "https://rotating.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String first = registered.get("registration_access_token").stringValue();

        String second = rotated(send("GET", clientUri, first, null), first);
        // The answer carrying the second was lost, say: a retry with the first still works, within the grace.
        String third = rotated(send("GET", clientUri, first, null), second);
        assertInvalidToken(send("GET", clientUri, second, null));
        String fourth = rotated(send("GET", clientUri, third, null), third);
        // Once the newer token is used, the older one stops at once.
        assertInvalidToken(send("GET", clientUri, first, null));

        clock.advance(Duration.ofMinutes(3));
        HttpResponse<String> afterGrace = send("GET", clientUri, third, null);
        assertInvalidToken(afterGrace);
        assertThat(json(afterGrace).get("error_description").stringValue()).contains("was replaced");
        assertThat(send("GET", clientUri, fourth, null).statusCode()).isEqualTo(200);
    }

    @Test
    void parallel_uses_of_one_token_all_succeed_one_after_the_other_and_leave_one_working_token() throws Exception {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Parallel", "none", "https://parallel.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String first = registered.get("registration_access_token").stringValue();

        List<String> issued = new ArrayList<>();
        try (var parallel = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(parallel.submit(() -> send("GET", clientUri, first, null)));
            }
            for (var response : racing) {
                issued.add(rotated(response.get(), first));
            }
        }

        assertThat(issued).doesNotHaveDuplicates();
        assertThat(issued.stream()
                        .filter(token -> send("GET", clientUri, token, null).statusCode() == 200)
                        .count())
                .as("only the last one issued is current; every other was replaced before it was used")
                .isEqualTo(1);
    }

    @Test
    void a_registration_access_token_expires_after_ninety_days_without_use() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Expiring", "none", "https://expiring.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String token = registered.get("registration_access_token").stringValue();

        clock.advance(Duration.ofDays(89));
        token = rotated(send("GET", clientUri, token, null), token);
        clock.advance(Duration.ofDays(90).plusSeconds(1));
        HttpResponse<String> expired = send("GET", clientUri, token, null);

        assertInvalidToken(expired);
        assertThat(json(expired).get("error_description").stringValue()).contains("expired");
    }

    @Test
    void the_team_lists_and_revokes_registration_access_tokens_and_a_revoked_one_is_refused() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Listed", "none", "https://listed.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String first = registered.get("registration_access_token").stringValue();
        String current = rotated(send("GET", clientUri, first, null), first);

        signIn();
        RegistrationAccessTokenView listed = accessTokens.list(team.id()).getFirst();
        assertThat(accessTokens.list(team.id())).hasSize(1);
        assertThat(listed.clientName()).isEqualTo("Listed");
        assertThat(listed.displayHint()).isEqualTo(current.substring(0, 10) + "…");
        assertThat(listed.status()).isEqualTo(RegistrationAccessTokenStatus.ACTIVE);
        assertThat(listed.lastUsedAt()).isNotNull();
        assertThat(listed.expiresAt()).isEqualTo(listed.issuedAt().plus(Duration.ofDays(90)));

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> accessTokens.revoke(team.id(), listed.id()))
                .isInstanceOf(org.devportal.teams.TeamNotFoundException.class);
        signIn();
        assertThat(accessTokens.revoke(team.id(), listed.id()).status())
                .isEqualTo(RegistrationAccessTokenStatus.REVOKED);

        HttpResponse<String> refused = send("GET", clientUri, current, null);
        assertInvalidToken(refused);
        assertThat(json(refused).get("error_description").stringValue()).contains("revoked");
        assertInvalidToken(send("GET", clientUri, first, null));
        assertThat(directory.bySandboxClientId(
                        UUID.fromString(registered.get("client_id").stringValue())))
                .as("the client stays")
                .isPresent();
    }

    @Test
    void the_sandbox_api_refuses_to_change_or_delete_a_client_with_a_production_client_id() {
        JsonNode registered = json(post(
                REGISTER,
                initialAccessToken(TokenLifetime.ONE_HOUR, 1),
                metadata("Approved", "client_secret_basic", "https://approved.example.com/cb")));
        String clientUri = registered.get("registration_client_uri").stringValue();
        String clientId = registered.get("client_id").stringValue();
        String token = registered.get("registration_access_token").stringValue();
        // What the first approval leaves behind, for this test: the client has a production client ID.
        UUID productionClientId = UUID.randomUUID();
        jdbc.update(
                "update oauth_client set production_client_id = ? where sandbox_client_id = ?",
                productionClientId.toString(),
                clientId);

        HttpResponse<String> replace = send("PUT", clientUri, token, withClientId(clientId));
        HttpResponse<String> delete = send("DELETE", clientUri, token, null);

        for (HttpResponse<String> refused : List.of(replace, delete)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertNoStoreJson(refused);
            assertThat(json(refused).get("error").stringValue()).isEqualTo("access_denied");
            assertThat(json(refused).get("error_description").stringValue())
                    .contains("production client ID", productionClientId.toString(), "in the portal");
        }
        ClientDetails unchanged =
                directory.bySandboxClientId(UUID.fromString(clientId)).orElseThrow();
        assertThat(unchanged.name()).isEqualTo("Approved");
        HttpResponse<String> read = send("GET", clientUri, token, null);
        assertThat(read.statusCode())
                .as("a refusal does not spend the token, and reading stays allowed")
                .isEqualTo(200);
    }

    /** Checks a successful answer and returns the new token it carries, which differs from the one presented. */
    private static String rotated(HttpResponse<String> response, String presented) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String next = json(response).get("registration_access_token").stringValue();
        assertThat(next).matches("dprat_[0-9A-Za-z]{43}").isNotEqualTo(presented);
        return next;
    }

    private void signIn() {
        SignedIn.as(member, Role.DEVELOPER);
    }

    private String initialAccessToken(TokenLifetime lifetime, int maxUses) {
        signIn();
        return RegistrationFixture.initialAccessToken(tokens, team.id(), Environment.SANDBOX, lifetime, maxUses);
    }

    private static String metadata(String name, String authMethod, String redirectUri) {
        return """
                {"client_name": "%s", "token_endpoint_auth_method": "%s", "redirect_uris": ["%s"],
                 "scope": "accounts:read", "contacts": ["ops@example.com"]}
                """.formatted(name, authMethod, redirectUri);
    }

    private static String withClientId(String clientId) {
        return """
                {"client_id": "%s", "client_name": "Ledger", "redirect_uris": ["https://ledger.example.com/cb"],
                 "scope": "accounts:read", "contacts": ["ops@example.com"]}
                """.formatted(clientId);
    }

    private static HttpResponse<String> post(String path, String bearer, String body) {
        return send("POST", path, bearer, body);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }

    private static void assertNoStoreJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertNoStoreJson(response);
        assertThat(json(response).get("error").stringValue()).isEqualTo("invalid_token");
    }

    private static void assertInvalidMetadata(HttpResponse<String> response, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertNoStoreJson(response);
        JsonNode body = json(response);
        assertThat(body.get("error").stringValue()).isEqualTo(error);
        assertThat(body.get("error_description").stringValue()).contains(description);
    }
}
