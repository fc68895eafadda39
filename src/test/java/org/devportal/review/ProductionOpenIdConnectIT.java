package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.authserver.OidcRelyingParty;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * OpenID Connect at the production issuer, with a client approved for production with {@code openid}: a Nimbus
 * relying party signs in over HTTP, validates the ID token against production's JWKS, and reads the user info;
 * production's tokens are unknown at the sandbox's user info endpoint.
 */
class ProductionOpenIdConnectIT extends IntegrationTest {

    private static final String PRODUCTION = "/production";
    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    AccountService accounts;

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

    private final String developerEmail = "production-oidc-" + UUID.randomUUID() + "@example.com";
    private String productionId;
    private ClientSecret productionSecret;
    private OAuthFlow flow;

    @BeforeEach
    void approveAClientWithOpenId() {
        String developer =
                TestAccounts.ensure(accounts, developerEmail, "Production Dev", OAuthFlow.PASSWORD, Role.DEVELOPER);
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
        var team = newTeam("Production OIDC");
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
        client = clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withScopes("openid", "vendors:read").build());
        ReviewFixture.ProductionCredentials production = ReviewFixture.approveForProduction(
                reviews,
                clients,
                credentials,
                client.id(),
                "production-reviewer-" + UUID.randomUUID() + "@example.com");
        productionSecret = production.secret();
        productionId = production.clientId();
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    @Test
    void a_relying_party_signs_in_at_the_production_issuer_with_an_approved_client() throws Exception {
        OidcRelyingParty relyingParty = OidcRelyingParty.discover(
                flow, baseUrl(), PRODUCTION, productionId, productionSecret.value(), CALLBACK);
        assertThat(relyingParty.provider().getScopes().contains("openid")).isTrue();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code =
                relyingParty.authorize(developerEmail, List.of("openid", "vendors:read"), nonce, verifier);
        TokenResponse response = relyingParty.exchange(code, verifier);
        assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

        IDTokenClaimsSet idToken =
                relyingParty.idTokenValidator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertThat(idToken.getIssuer().getValue()).isEqualTo(baseUrl() + PRODUCTION);
        assertThat(idToken.getAudience())
                .extracting(audience -> audience.getValue())
                .containsExactly(productionId);
        assertThat(idToken.getAuthorizedParty().getValue()).isEqualTo(productionId);
        assertThat(idToken.getNonce()).isEqualTo(nonce);
        assertThat(idToken.getAuthenticationTime()).isNotNull();
        HttpResponse<String> introspect = flow.api(
                PRODUCTION + "/api/v1/introspect",
                tokens.getOIDCTokens().getBearerAccessToken().getValue());
        assertThat(introspect.statusCode()).isEqualTo(200);
        assertThat(idToken.getSubject().getValue())
                .isEqualTo(json.readTree(introspect.body()).get("sub").asString());

        UserInfoResponse userInfo =
                relyingParty.parsedUserInfo(tokens.getOIDCTokens().getBearerAccessToken());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject()).isEqualTo(idToken.getSubject());

        HTTPResponse atSandbox = new com.nimbusds.openid.connect.sdk.UserInfoRequest(
                        java.net.URI.create(baseUrl() + "/sandbox/oauth/userinfo"),
                        tokens.getOIDCTokens().getBearerAccessToken())
                .toHTTPRequest()
                .send();
        assertThat(atSandbox.getStatusCode())
                .as("a production token at the sandbox")
                .isEqualTo(401);

        TokenResponse refreshed = relyingParty.refresh(tokens.getOIDCTokens().getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).as(refreshed.toString()).isTrue();
        IDTokenClaimsSet fresh = relyingParty
                .idTokenValidator()
                .validate(
                        ((OIDCTokenResponse) refreshed.toSuccessResponse())
                                .getOIDCTokens()
                                .getIDToken(),
                        null);
        assertThat(fresh.getNonce()).isNull();
        assertThat(fresh.getSubject()).isEqualTo(idToken.getSubject());
    }
}
