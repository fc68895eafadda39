package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.authserver.OAuthFlow;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.logos.LogoService;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Incident response over the production issuer: a suspended client's refresh, introspection, API calls and new
 * authorizations are refused at once and work again after reinstatement; a revoked approval ends every production
 * token for good. Each action is for reviewers and administrators, with a reason that the team, the contacts and the
 * history get.
 */
class ProductionAccessIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String CONTACT = "dev@ledger.example.com";

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    ProductionAccessService access;

    @Autowired
    CredentialService credentials;

    @Autowired
    AuditLog audit;

    @Autowired
    NotificationService notifications;

    @Autowired
    ObjectMapper json;

    private final String developerEmail = "access-dev-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private ClientDetails client;
    private ClientSecret productionSecret;
    private String productionId;
    private OAuthFlow flow;

    @BeforeEach
    void approveAClient() {
        developer = TestAccounts.ensure(accounts, developerEmail, "Access Dev", OAuthFlow.PASSWORD, Role.DEVELOPER);
        asDeveloper();
        var team = newTeam("Access");
        client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
        ReviewFixture.ProductionCredentials production = ReviewFixture.approveForProduction(
                reviews, clients, credentials, client.id(), "access-reviewer-" + UUID.randomUUID() + "@example.com");
        productionSecret = production.secret();
        productionId = production.clientId();
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }

    private void asReviewer() {
        SignedIn.as("access-reviewer-" + UUID.randomUUID() + "@example.com", Role.REVIEWER);
    }

    private void approve(ReviewRecord review) {
        asReviewer();
        reviews.approve(review.id(), review.version(), null);
    }

    private JsonNode productionTokens() {
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "p", Map.of()),
                developerEmail,
                "/production",
                productionId,
                List.of("vendors:read"));
        HttpResponse<String> tokens = flow.token(
                "/production",
                productionId,
                productionSecret.value(),
                OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return flow.token(
                "/production",
                productionId,
                productionSecret.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private boolean introspectsActive(String accessToken) throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                URI.create(baseUrl() + "/production/oauth/introspect"),
                                new ClientSecretBasic(new ClientID(productionId), new Secret(productionSecret.value())),
                                new BearerAccessToken(accessToken))
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse()
                .isActive();
    }

    @Test
    void a_suspended_client_is_refused_at_once_and_works_again_after_reinstatement() throws Exception {
        JsonNode tokens = productionTokens();
        String accessToken = tokens.get("access_token").asString();
        String refreshToken = tokens.get("refresh_token").asString();
        assertThat(introspectsActive(accessToken)).isTrue();

        asReviewer();
        ProductionAccess suspended = access.suspend(client.id(), "Partner reports a leaked secret");
        SecurityContextHolder.clearContext();

        assertThat(suspended.suspended()).isTrue();
        HttpResponse<String> refused = refresh(refreshToken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("unauthorized_client").contains("suspended");
        assertThat(introspectsActive(accessToken))
                .as("introspection of an existing token")
                .isFalse();
        assertThat(flow.api("/production/api/v1/vendors", accessToken).statusCode())
                .isEqualTo(401);
        HttpResponse<String> authorize = flow.open(
                flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "q", Map.of()),
                developerEmail);
        assertThat(HttpTestClient.isRedirect(authorize))
                .as("never a redirect to a suspended client")
                .isFalse();
        assertThat(authorize.body()).contains("suspended");

        asReviewer();
        access.reinstate(client.id(), "Secret rotated, partner confirmed");
        SecurityContextHolder.clearContext();

        assertThat(introspectsActive(accessToken)).isTrue();
        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(flow.api(
                                "/production/api/v1/vendors",
                                json.readTree(refreshed.body())
                                        .get("access_token")
                                        .asString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_suspended_client_is_refused_on_the_next_request_right_after_a_burst_of_grants() throws Exception {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chains.add(productionTokens().get("refresh_token").asString());
        }
        List<String> newest = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(chains.size())) {
            List<Future<String>> running = new ArrayList<>();
            for (String chain : chains) {
                running.add(parallel.submit(() -> {
                    String token = chain;
                    for (int i = 0; i < 10; i++) {
                        HttpResponse<String> refreshed = refresh(token);
                        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
                        token = json.readTree(refreshed.body())
                                .get("refresh_token")
                                .asString();
                    }
                    return token;
                }));
            }
            for (Future<String> chain : running) {
                newest.add(chain.get());
            }
        }

        asReviewer();
        access.suspend(client.id(), "Partner reports a leaked secret");
        SecurityContextHolder.clearContext();

        for (String token : newest) {
            HttpResponse<String> refused = refresh(token);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("unauthorized_client").contains("suspended");
        }
    }

    @Test
    void revoking_the_approval_ends_every_production_token_and_returns_the_client_as_not_approved() {
        JsonNode tokens = productionTokens();
        String refreshToken = tokens.get("refresh_token").asString();

        asReviewer();
        assertThatThrownBy(() -> access.revokeApproval(client.id(), "Abandoned integration", "ledger sync"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("confirmation"));
        ProductionAccess revoked = access.revokeApproval(client.id(), "Abandoned integration", "Ledger Sync");
        assertThat(revoked.approved()).isFalse();

        asDeveloper();
        ClientDetails returned = clients.get(client.id());
        assertThat(returned.status()).isEqualTo(ClientStatus.DRAFT);
        assertThat(returned.approvedForProduction()).isFalse();
        assertThat(returned.productionClientId())
                .as("kept for a later approval")
                .hasToString(productionId);
        SecurityContextHolder.clearContext();
        assertThat(refresh(refreshToken).statusCode()).isIn(400, 401);

        asDeveloper();
        approve(reviews.submit(client.id(), "Back again"));
        SecurityContextHolder.clearContext();
        HttpResponse<String> afterNewApproval = refresh(refreshToken);
        assertThat(afterNewApproval.statusCode())
                .as("a new approval does not bring the revoked tokens back")
                .isEqualTo(400);
        assertThat(afterNewApproval.body()).contains("invalid_grant");
    }

    @Test
    void only_reviewers_and_administrators_act_and_each_action_needs_a_reason() {
        asDeveloper();
        assertThatThrownBy(() -> access.suspend(client.id(), "Because")).isInstanceOf(AccessDeniedException.class);

        asReviewer();
        assertThatThrownBy(() -> access.suspend(client.id(), "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> access.reinstate(client.id(), "Not suspended"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not suspended");

        SignedIn.as("access-admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);
        assertThat(access.suspend(client.id(), "Incident 42").suspensionReason())
                .isEqualTo("Incident 42");
        assertThatThrownBy(() -> access.suspend(client.id(), "Again"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already suspended");
    }

    @Test
    void the_team_and_the_contacts_hear_of_each_action_and_the_history_keeps_it() {
        asReviewer();
        access.suspend(client.id(), "Incident 7: token leak");
        access.reinstate(client.id(), "Incident 7 closed");

        assertThat(mail.sentTo(CONTACT))
                .anySatisfy(message -> {
                    assertThat(message.getSubject()).contains("Ledger Sync: suspended in production");
                    assertThat(message.getText()).contains("Incident 7: token leak");
                })
                .anySatisfy(message -> assertThat(message.getSubject()).contains("reinstated in production"));
        asDeveloper();
        assertThat(notifications.recentForMe(20))
                .map(TeamNotification::message)
                .anySatisfy(text -> assertThat(text).contains("suspended in production", "Incident 7: token leak"));
        assertThat(audit.historyOf(client.id()))
                .map(HistoryEntry::action)
                .contains("Suspended in production", "Reinstated in production");
        assertThat(audit.historyOf(client.id()).stream()
                        .filter(entry -> entry.action().equals("Suspended in production"))
                        .findFirst()
                        .orElseThrow()
                        .changes())
                .anySatisfy(change -> assertThat(change.newValue()).isEqualTo("Incident 7: token leak"));
    }
}
