package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamService;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The production issuer's grants of an approved client: introspection and revocation there, and scopes that a newly
 * approved revision leaves out disappearing from existing grants.
 */
class ProductionGrantsIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    AccountService accounts;

    @Autowired
    TeamService teams;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    CredentialService credentials;

    @Autowired
    ObjectMapper json;

    private final String developerEmail = "production-dev-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private ClientDetails client;
    private ClientSecret sandboxSecret;
    private ClientSecret productionSecret;
    private String productionId;
    private OAuthFlow flow;

    @BeforeEach
    void approveAClientWithTwoScopes() {
        developer = TestAccounts.ensure(accounts, developerEmail, "Production Dev", OAuthFlow.PASSWORD, Role.DEVELOPER);
        asDeveloper();
        var team = newTeam("Production");
        client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
        sandboxSecret = credentials.takeRevealAfterRegistration(client.id()).orElseThrow();
        client = withScopes("vendors:read", "accounts:read");
        ReviewFixture.ProductionCredentials production =
                ReviewFixture.approveForProduction(reviews, clients, credentials, client.id(), reviewerEmail());
        productionSecret = production.secret();
        productionId = production.clientId();
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }

    private static String reviewerEmail() {
        return "production-reviewer-" + UUID.randomUUID() + "@example.com";
    }

    private void approve(ReviewRecord review) {
        SignedIn.as(reviewerEmail(), Role.REVIEWER);
        reviews.approve(review.id(), review.version(), null);
    }

    private ClientDetails withScopes(String... scopes) {
        ClientDetails current = clients.get(client.id());
        return clients.update(
                current.id(),
                current.version(),
                TestClients.from(current).withScopes(scopes).build());
    }

    private JsonNode productionTokens() {
        List<String> scopes = List.of("vendors:read", "accounts:read");
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, CALLBACK, String.join(" ", scopes), "p", Map.of()),
                developerEmail,
                "/production",
                productionId,
                scopes);
        HttpResponse<String> tokens = flow.token(
                "/production",
                productionId,
                productionSecret.value(),
                OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body());
    }

    private JsonNode refresh(String refreshToken) {
        HttpResponse<String> refreshed = flow.token(
                "/production",
                productionId,
                productionSecret.value(),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        return json.readTree(refreshed.body());
    }

    private TokenIntrospectionSuccessResponse introspect(
            String issuer, String clientId, ClientSecret secret, com.nimbusds.oauth2.sdk.token.Token token)
            throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                URI.create(baseUrl() + issuer + "/oauth/introspect"),
                                new ClientSecretBasic(new ClientID(clientId), new Secret(secret.value())),
                                token)
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse();
    }

    @Test
    void the_production_issuer_introspects_and_revokes_its_own_tokens_only() throws Exception {
        JsonNode tokens = productionTokens();
        BearerAccessToken accessToken =
                new BearerAccessToken(tokens.get("access_token").asString());
        RefreshToken refreshToken = new RefreshToken(tokens.get("refresh_token").asString());

        TokenIntrospectionSuccessResponse active =
                introspect("/production", productionId, productionSecret, accessToken);
        assertThat(active.isActive()).isTrue();
        assertThat(active.getStringParameter("iss")).isEqualTo(baseUrl() + "/production");
        assertThat(active.getClientID().getValue()).isEqualTo(productionId);
        assertThat(introspect("/production", productionId, productionSecret, refreshToken)
                        .isActive())
                .isTrue();
        assertThat(introspect("/sandbox", client.sandboxClientId().toString(), sandboxSecret, accessToken)
                        .isActive())
                .as("the same client at the other issuer")
                .isFalse();

        var revoked = new TokenRevocationRequest(
                        URI.create(baseUrl() + "/production/oauth/revoke"),
                        new ClientSecretBasic(new ClientID(productionId), new Secret(productionSecret.value())),
                        refreshToken)
                .toHTTPRequest()
                .send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect("/production", productionId, productionSecret, accessToken)
                        .isActive())
                .as("revoking the refresh token ends the grant")
                .isFalse();
        assertThat(flow.api("/production/api/v1/vendors", accessToken.getValue())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_scope_left_out_of_a_newly_approved_revision_disappears_at_the_next_refresh() {
        JsonNode tokens = productionTokens();
        asDeveloper();
        withScopes("vendors:read");
        ReviewRecord second = reviews.submit(client.id(), "No accounts any more");
        SecurityContextHolder.clearContext();

        JsonNode inReview = refresh(tokens.get("refresh_token").asString());
        assertThat(inReview.get("scope").asString().split(" "))
                .as("production serves the last approved revision until the new one is approved")
                .containsExactlyInAnyOrder("vendors:read", "accounts:read");

        approve(second);
        SecurityContextHolder.clearContext();
        JsonNode approved = refresh(inReview.get("refresh_token").asString());
        assertThat(approved.get("scope").asString()).isEqualTo("vendors:read");
        assertThat(flow.api(
                                "/production/api/v1/vendors",
                                approved.get("access_token").asString())
                        .statusCode())
                .isEqualTo(200);
    }
}
