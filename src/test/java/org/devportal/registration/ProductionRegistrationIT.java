package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devportal.registration.RegistrationFixture.json;
import static org.devportal.registration.RegistrationFixture.send;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.authserver.OAuthFlow;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientStatus;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.review.ReviewRecord;
import org.devportal.review.ReviewService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Registration at production over plain HTTP: a team's production token, review, and credentials at approval. */
class ProductionRegistrationIT extends IntegrationTest {

    private static final String REGISTER = "/production/oauth/register";
    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    InitialAccessTokenService tokens;

    @Autowired
    ClientDirectory directory;

    @Autowired
    ReviewService reviews;

    @Autowired
    CredentialService credentials;

    @Autowired
    AccountService accounts;

    @Autowired
    TeamService teams;

    @Autowired
    AuditLog audit;

    private final String ownerEmail = "prod-owner-" + UUID.randomUUID() + "@example.com";
    private String owner;
    private TeamSummary team;

    @BeforeEach
    void aTeamWithAnOwnerWhoHasAnAccount() {
        owner = signInWithAccount(ownerEmail, "Prod Owner", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Production registration");
    }

    private void asOwner() {
        signInAs(SignedIn.withSubject(owner, ownerEmail, Role.DEVELOPER));
    }

    private String productionToken() {
        asOwner();
        return RegistrationFixture.initialAccessToken(
                tokens, team.id(), Environment.PRODUCTION, TokenLifetime.ONE_HOUR, 2);
    }

    private static String complete(String redirectUri) {
        return """
                {"client_name": "Ledger Sync",
                 "redirect_uris": ["%s"],
                 "scope": "vendors:read",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "contacts": ["ops@ledger.example.com"],
                 "client_uri": "https://ledger.example.com",
                 "tos_uri": "https://ledger.example.com/terms",
                 "policy_uri": "https://ledger.example.com/privacy",
                 "initiation_uri": "https://ledger.example.com/connect",
                 "settings_uri": "https://ledger.example.com/settings"}
                """.formatted(redirectUri);
    }

    @Test
    void without_a_token_production_answers_401_invalid_token_whatever_the_body() {
        HttpResponse<String> response = send("POST", REGISTER, null, complete(CALLBACK));
        HttpResponse<String> noBody = send("POST", REGISTER, null, null);

        for (HttpResponse<String> refused : List.of(response, noBody)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(json(refused).get("error").stringValue()).isEqualTo("invalid_token");
            assertThat(json(refused).get("error_description").stringValue())
                    .contains("Production has no open registration");
        }
    }

    @Test
    void a_sandbox_token_is_refused_at_production_with_401() {
        asOwner();
        String sandbox =
                tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1).token().value();

        HttpResponse<String> response = send("POST", REGISTER, sandbox, complete(CALLBACK));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(tokens.list(team.id()).getFirst().usesLeft())
                .as("the refused token keeps its use")
                .isEqualTo(1);
    }

    @Test
    void a_production_token_is_refused_at_the_sandbox() {
        HttpResponse<String> response = send("POST", "/sandbox/oauth/register", productionToken(), complete(CALLBACK));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_description").stringValue()).contains(REGISTER);
    }

    @Test
    void both_production_discovery_documents_advertise_the_registration_endpoint() {
        for (String document : List.of("oauth-authorization-server", "openid-configuration")) {
            JsonNode metadata = json(send("GET", "/production/.well-known/" + document, null, null));
            assertThat(metadata.get("registration_endpoint").stringValue())
                    .as(document)
                    .isEqualTo(baseUrl() + REGISTER);
        }
    }

    @Test
    void only_owners_create_production_tokens() {
        String developer = "prod-developer-" + UUID.randomUUID() + "@example.com";
        asOwner();
        teams.invite(team.id(), developer, TeamRole.DEVELOPER);
        String invitation = mail.lastToken(developer, "/invitation");
        signInAs(developer, Role.DEVELOPER);
        teams.acceptInvitation(invitation);

        assertThatThrownBy(() -> tokens.create(team.id(), Environment.PRODUCTION, TokenLifetime.ONE_HOUR, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only the team's owners");
        assertThat(tokens.mayCreateProductionTokens(team.id())).isFalse();
        assertThat(tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1).view().environment())
                .isEqualTo(Environment.SANDBOX);
    }

    @Test
    void a_client_that_fails_the_production_rules_is_not_registered_and_the_token_keeps_its_use() {
        String token = productionToken();

        HttpResponse<String> insecure = send("POST", REGISTER, token, complete("http://ledger.example.com/cb"));
        HttpResponse<String> incomplete = send("POST", REGISTER, token, """
                {"client_name": "Half done", "redirect_uris": ["https://half.example.com/cb"],
                 "scope": "vendors:read", "contacts": ["ops@half.example.com"]}
                """);

        assertThat(insecure.statusCode()).as(insecure.body()).isEqualTo(400);
        assertThat(json(insecure).get("error").stringValue()).isIn("invalid_redirect_uri", "invalid_client_metadata");
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
        assertThat(json(incomplete).get("error").stringValue()).isEqualTo("invalid_client_metadata");
        assertThat(json(incomplete).get("error_description").stringValue())
                .contains("Production refuses this client")
                .contains("required before review");
        asOwner();
        assertThat(tokens.list(team.id()).getFirst().usesLeft()).isEqualTo(2);
    }

    @Test
    void a_registered_client_waits_for_review_and_works_at_production_only_after_approval() throws Exception {
        HttpResponse<String> registered = send("POST", REGISTER, productionToken(), complete(CALLBACK));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = json(registered);
        assertThat(body.get("review_status").stringValue()).isEqualTo("pending");
        assertThat(body.has("client_secret"))
                .as("no credentials before approval")
                .isFalse();
        assertThat(body.has("production_client_id")).isFalse();
        String clientId = body.get("client_id").stringValue();
        assertThat(body.get("registration_client_uri").stringValue()).isEqualTo(baseUrl() + REGISTER + "/" + clientId);
        ClientDetails client =
                directory.bySandboxClientId(UUID.fromString(clientId)).orElseThrow();
        assertThat(client.status()).isEqualTo(ClientStatus.IN_REVIEW);
        asOwner();
        ReviewRecord review = reviews.historyOf(client.id()).getFirst();
        assertThat(review.submittedBy()).isEqualTo("Registration API");
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action)
                .contains("Production registration token used", "Submitted for review", "Registered");

        String rat = body.get("registration_access_token").stringValue();
        HttpResponse<String> read = send("GET", REGISTER + "/" + clientId, rat, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("review_status").stringValue()).isEqualTo("pending");
        rat = json(read).get("registration_access_token").stringValue();
        HttpResponse<String> changeInReview = send("PUT", REGISTER + "/" + clientId, rat, complete(CALLBACK));
        assertThat(changeInReview.statusCode()).isEqualTo(403);
        assertThat(json(changeInReview).get("error_description").stringValue()).contains("waiting for review");

        asOwner();
        ClientSecret sandboxSecret = credentials.rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW);
        assertThatThrownBy(() -> credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW))
                .as("no production secret before approval")
                .isInstanceOf(RuntimeException.class);
        OAuthFlow flow = new OAuthFlow(baseUrl());
        HttpResponse<String> before =
                flow.token("/production", clientId, sandboxSecret.value(), OAuthFlow.codeExchange("no-code", CALLBACK));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(401);
        assertThat(before.body()).contains("invalid_client");

        signInAs("prod-reviewer-" + UUID.randomUUID() + "@example.com", Role.REVIEWER);
        // The registration API cannot upload a logo, so the logo check fails and approval needs a reason.
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Logo");
        reviews.approveWith(
                review.id(),
                review.version(),
                new org.devportal.review.Approval(
                        null, null, "The logo follows in the portal; everything else passes the checks"));
        asOwner();
        ClientSecret productionSecret = credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW);

        HttpResponse<String> approved = send("GET", REGISTER + "/" + clientId, rat, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("review_status").stringValue()).isEqualTo("approved");
        String productionId = json(approved).get("production_client_id").stringValue();
        rat = json(approved).get("registration_access_token").stringValue();
        HttpResponse<String> changeApproved = send("PUT", REGISTER + "/" + clientId, rat, complete(CALLBACK));
        assertThat(changeApproved.statusCode()).isEqualTo(403);
        assertThat(json(changeApproved).get("error_description").stringValue()).contains("go through review");

        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "p", Map.of()),
                ownerEmail,
                "/production",
                productionId,
                List.of("vendors:read"));
        HttpResponse<String> after = flow.token(
                "/production",
                productionId,
                productionSecret.value(),
                OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(json(after).get("access_token").stringValue()).isNotBlank();
    }
}
