package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
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
 * OpenID Connect at the sandbox issuer over HTTP, driven by a third-party relying party (the Nimbus SDK): discovery,
 * sign-in with a nonce, ID token validation against the JWKS, refresh, the user info endpoint, and the refusals around
 * them. The production issuer's sign-in is in {@code ProductionOpenIdConnectIT}, with an approved client.
 */
class OpenIdConnectIT extends IntegrationTest {

    private static final String SANDBOX = "/sandbox";
    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String SPA_CALLBACK =
            "https://spa-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    ObjectMapper json;

    private final String email = "oidc-user-" + UUID.randomUUID() + "@example.com";
    private ClientDetails confidential;
    private ClientSecret secret;
    private ClientDetails withoutOpenId;
    private ClientDetails spa;
    private OAuthFlow flow;
    private OidcRelyingParty relyingParty;

    @BeforeEach
    void registerClients() throws Exception {
        signInWithAccount(email, "OIDC User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("OpenID");
        SandboxClient sandbox = SandboxClient.registerConfidential(
                clients, credentials, team.id(), "Ledger Sync", CALLBACK, "openid", "vendors:read");
        confidential = sandbox.client();
        secret = sandbox.secret();
        withoutOpenId = TestClients.registerWithScopes(
                clients, team.id(), ClientType.CONFIDENTIAL, "Ledger Export", CALLBACK, "vendors:read");
        spa = TestClients.registerWithScopes(
                clients, team.id(), ClientType.PUBLIC, "Ledger Dashboard", SPA_CALLBACK, "openid", "vendors:read");
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
        relyingParty = OidcRelyingParty.discover(
                flow, baseUrl(), SANDBOX, confidential.sandboxClientId().toString(), secret.value(), CALLBACK);
    }

    private OIDCTokenResponse signIn(List<String> scopes, Nonce nonce) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = relyingParty.authorize(email, scopes, nonce, verifier);
        TokenResponse response = relyingParty.exchange(code, verifier);
        assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private String subjectOfAccessToken(BearerAccessToken accessToken) {
        HttpResponse<String> introspect = flow.api(SANDBOX + "/api/v1/introspect", accessToken.getValue());
        assertThat(introspect.statusCode()).isEqualTo(200);
        return json.readTree(introspect.body()).get("sub").asString();
    }

    @Test
    void a_relying_party_signs_in_and_gets_an_id_token_for_the_access_tokens_subject() throws Exception {
        Nonce nonce = new Nonce();
        OIDCTokenResponse tokens = signIn(List.of("openid", "vendors:read"), nonce);
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();

        IDTokenClaimsSet idToken =
                relyingParty.idTokenValidator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
        String clientId = confidential.sandboxClientId().toString();
        assertThat(idToken.getIssuer().getValue()).isEqualTo(baseUrl() + SANDBOX);
        assertThat(idToken.getAudience())
                .extracting(audience -> audience.getValue())
                .containsExactly(clientId);
        assertThat(idToken.getAuthorizedParty().getValue()).isEqualTo(clientId);
        assertThat(idToken.getNonce()).isEqualTo(nonce);
        assertThat(idToken.getSubject().getValue())
                .startsWith("urn:pleo:company:")
                .isEqualTo(subjectOfAccessToken(accessToken));
        assertThat(idToken.getAuthenticationTime())
                .as("auth_time: when the user signed in, before the token was issued")
                .isNotNull()
                .isBeforeOrEqualTo(idToken.getIssueTime());
        assertThat(idToken.getClaim("sid"))
                .as("no session management, so no session ID")
                .isNull();
        SignedJWT signed = (SignedJWT) tokens.getOIDCTokens().getIDToken();
        assertThat(relyingParty.provider().getIDTokenJWSAlgs())
                .contains(signed.getHeader().getAlgorithm());

        HTTPResponse userInfoAnswer = relyingParty.userInfo(accessToken);
        assertThat(userInfoAnswer.getStatusCode())
                .as(userInfoAnswer.getHeaderMap() + userInfoAnswer.getBody())
                .isEqualTo(200);
        UserInfoResponse userInfo = UserInfoResponse.parse(userInfoAnswer);
        UserInfo claims = userInfo.toSuccessResponse().getUserInfo();
        assertThat(claims.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(claims.toJSONObject().keySet())
                .as("only what the platform can truthfully say")
                .containsExactly("sub");

        assertThatThrownBy(() -> relyingParty
                        .idTokenValidator()
                        .validate(tokens.getOIDCTokens().getIDToken(), new Nonce()))
                .as("a relying party that expected another nonce")
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void the_user_info_endpoint_answers_a_post_with_the_token_in_the_header_or_the_form() throws Exception {
        OIDCTokenResponse tokens = signIn(List.of("openid"), new Nonce());
        String accessToken = tokens.getOIDCTokens().getBearerAccessToken().getValue();
        String subject = subjectOfAccessToken(tokens.getOIDCTokens().getBearerAccessToken());
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(baseUrl() + SANDBOX + "/oauth/userinfo"))
                        .header("Authorization", "Bearer " + accessToken)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpRequest.newBuilder(URI.create(baseUrl() + SANDBOX + "/oauth/userinfo"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("access_token=" + accessToken))
                        .build())) {
            HttpResponse<String> response = flow.send(request);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("sub").asString()).isEqualTo(subject);
        }
    }

    @Test
    void a_refresh_of_an_openid_grant_returns_a_fresh_id_token_without_a_nonce() throws Exception {
        OIDCTokenResponse first = signIn(List.of("openid", "vendors:read"), new Nonce());
        IDTokenClaimsSet firstIdToken =
                relyingParty.idTokenValidator().validate(first.getOIDCTokens().getIDToken(), null);

        TokenResponse refreshed = relyingParty.refresh(first.getOIDCTokens().getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).as(refreshed.toString()).isTrue();
        OIDCTokenResponse second = (OIDCTokenResponse) refreshed.toSuccessResponse();
        assertThat(second.getOIDCTokens().getIDToken()).as("a fresh ID token").isNotNull();
        assertThat(second.getOIDCTokens().getIDTokenString())
                .isNotEqualTo(first.getOIDCTokens().getIDTokenString());
        IDTokenClaimsSet secondIdToken =
                relyingParty.idTokenValidator().validate(second.getOIDCTokens().getIDToken(), null);
        assertThat(secondIdToken.getNonce()).isNull();
        assertThat(secondIdToken.getSubject()).isEqualTo(firstIdToken.getSubject());
        assertThat(secondIdToken.getSubject().getValue())
                .isEqualTo(subjectOfAccessToken(second.getOIDCTokens().getBearerAccessToken()));
        assertThat(secondIdToken.getAuthenticationTime()).isEqualTo(firstIdToken.getAuthenticationTime());
        assertThat(secondIdToken.getAuthorizedParty()).isEqualTo(firstIdToken.getAuthorizedParty());
    }

    @Test
    void without_openid_there_is_no_id_token_and_the_user_info_endpoint_answers_insufficient_scope() throws Exception {
        String clientId = confidential.sandboxClientId().toString();
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl(SANDBOX, clientId, CALLBACK, "vendors:read", "s", Map.of("nonce", "n-1")),
                email,
                SANDBOX,
                clientId,
                List.of("vendors:read"));
        HttpResponse<String> exchanged =
                flow.token(SANDBOX, clientId, secret.value(), OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(exchanged.body());
        assertThat(tokens.has("access_token")).isTrue();
        assertThat(tokens.has("id_token")).isFalse();
        TokenResponse refreshed = relyingParty.refresh(new com.nimbusds.oauth2.sdk.token.RefreshToken(
                tokens.get("refresh_token").asString()));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(refreshed.toSuccessResponse().toJSONObject()).doesNotContainKey("id_token");

        HTTPResponse response = relyingParty.userInfo(((OIDCTokenResponse) refreshed.toSuccessResponse())
                .getOIDCTokens()
                .getBearerAccessToken());
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaderValue("WWW-Authenticate"))
                .startsWith("Bearer ")
                .contains("error=\"insufficient_scope\"", "scope=\"openid\"");
        BearerTokenError error =
                (BearerTokenError) UserInfoErrorResponse.parse(response).getErrorObject();
        assertThat(error.getCode()).isEqualTo("insufficient_scope");
        assertThat(error.getScope().contains("openid")).isTrue();
        assertThat(json.readTree(response.getBody()).get("error_description").asString())
                .contains("openid");
    }

    @Test
    void the_user_info_endpoint_refuses_a_revoked_token_an_unknown_one_none_and_one_of_the_other_issuer()
            throws Exception {
        OIDCTokenResponse tokens = signIn(List.of("openid"), new Nonce());
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        assertThat(relyingParty.userInfo(accessToken).getStatusCode()).isEqualTo(200);

        HTTPResponse otherIssuer = new com.nimbusds.openid.connect.sdk.UserInfoRequest(
                        URI.create(baseUrl() + "/production/oauth/userinfo"), accessToken)
                .toHTTPRequest()
                .send();
        assertThat(otherIssuer.getStatusCode())
                .as("a sandbox token at production")
                .isEqualTo(401);
        assertThat(otherIssuer.getHeaderValue("WWW-Authenticate")).contains("error=\"invalid_token\"");

        HTTPResponse revocation = new TokenRevocationRequest(
                        relyingParty.provider().getRevocationEndpointURI(),
                        new ClientSecretBasic(
                                new ClientID(confidential.sandboxClientId().toString()), new Secret(secret.value())),
                        accessToken)
                .toHTTPRequest()
                .send();
        assertThat(revocation.getStatusCode()).isEqualTo(200);
        HTTPResponse revoked = relyingParty.userInfo(accessToken);
        assertThat(revoked.getStatusCode()).isEqualTo(401);
        assertThat(revoked.getHeaderValue("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(((BearerTokenError) UserInfoErrorResponse.parse(revoked).getErrorObject()).getCode())
                .isEqualTo("invalid_token");

        assertThat(relyingParty.userInfo(new BearerAccessToken("not-a-token")).getStatusCode())
                .isEqualTo(401);
        HttpResponse<String> none = flow.api(SANDBOX + "/oauth/userinfo", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
        assertThat(none.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void an_id_token_is_no_bearer_credential_at_the_issuers() throws Exception {
        OIDCTokenResponse tokens = signIn(List.of("openid"), new Nonce());
        String idToken = tokens.getOIDCTokens().getIDTokenString();
        String clientId = confidential.sandboxClientId().toString();
        OAuthFlow stranger = new OAuthFlow(baseUrl());
        HttpResponse<String> authorize = stranger.send(HttpRequest.newBuilder(
                        URI.create(flow.authorizeUrl(SANDBOX, clientId, CALLBACK, "openid", "s", Map.of())))
                .header("Authorization", "Bearer " + idToken)
                .GET()
                .build());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(HttpTestClient.location(authorize))
                .as("still sent to sign in, never to consent or the client")
                .contains("/oauth2/authorization/")
                .doesNotContain("/consent")
                .doesNotStartWith(CALLBACK);
        HTTPResponse userInfo = relyingParty.userInfo(new BearerAccessToken(idToken));
        assertThat(userInfo.getStatusCode()).isEqualTo(401);

        // Nor at the built-in identity provider, which takes JWTs of its own key as bearer tokens.
        HttpResponse<String> atIdentityProvider = stranger.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/idp/oauth2/authorize?response_type=code&client_id=portal&scope=openid&state=s"
                        + "&code_challenge_method=S256&code_challenge=" + OAuthFlow.CHALLENGE
                        + "&redirect_uri=" + OAuthFlow.encode(baseUrl() + "/login/oauth2/code/portal")))
                .header("Authorization", "Bearer " + idToken)
                .GET()
                .build());
        String location = atIdentityProvider.headers().firstValue("Location").orElse("");
        assertThat(atIdentityProvider.statusCode())
                .as("refused or sent to sign in: " + location)
                .isIn(302, 401);
        assertThat(location)
                .as("no code for the portal: the ID token signed in nobody")
                .doesNotContain("code=")
                .doesNotContain("/login/oauth2/code/");
        if (atIdentityProvider.statusCode() == 302) {
            assertThat(location).contains("/idp/login");
        }
        java.util.Set<String> issuerKeys = new java.util.HashSet<>(
                json.readTree(flow.api(SANDBOX + "/oauth/jwks", null).body()).findValuesAsString("kid"));
        assertThat(issuerKeys)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        json.readTree(flow.api("/production/oauth/jwks", null).body())
                                .findValuesAsString("kid"))
                .doesNotContainAnyElementsOf(
                        json.readTree(flow.api("/idp/oauth2/jwks", null).body()).findValuesAsString("kid"));
        assertThat(userInfo.getHeaderValue("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void a_client_without_openid_that_asks_for_it_gets_invalid_scope() throws Exception {
        OidcRelyingParty other = OidcRelyingParty.discover(
                flow, baseUrl(), SANDBOX, withoutOpenId.sandboxClientId().toString(), "unused", CALLBACK);
        URI request = other.authenticationRequest(
                List.of("openid", "vendors:read"),
                new com.nimbusds.oauth2.sdk.id.State("s"),
                new Nonce(),
                new CodeVerifier());
        HttpResponse<String> beforeSignIn = flow.browser.get(request.toString());
        assertThat(beforeSignIn.statusCode())
                .as("the error page, no redirect before sign-in")
                .isEqualTo(400);
        assertThat(beforeSignIn.body()).contains("<code id=\"error-code\">invalid_scope</code>");

        signIn(List.of("openid"), new Nonce());
        HttpResponse<String> back = flow.browser.get(request.toString());
        assertThat(back.statusCode()).isEqualTo(302);
        String location = HttpTestClient.location(back);
        assertThat(location).startsWith(CALLBACK);
        Map<String, String> error = OAuthFlow.query(location);
        assertThat(error.get("error")).isEqualTo("invalid_scope");
        assertThat(error.get("error_description")).contains("openid");
    }

    @Test
    void a_public_client_signs_in_with_pkce_alone_and_its_page_may_read_the_user_info() throws Exception {
        String clientId = spa.sandboxClientId().toString();
        OidcRelyingParty browserApp = OidcRelyingParty.discover(flow, baseUrl(), SANDBOX, clientId, null, SPA_CALLBACK);
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        TokenResponse response =
                browserApp.exchange(browserApp.authorize(email, List.of("openid"), nonce, verifier), verifier);
        assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        assertThat(browserApp
                        .idTokenValidator()
                        .validate(tokens.getOIDCTokens().getIDToken(), nonce)
                        .getAudience())
                .extracting(audience -> audience.getValue())
                .containsExactly(clientId);

        String origin = SPA_CALLBACK.substring(0, SPA_CALLBACK.indexOf("/", "https://".length()));
        URI userInfo = URI.create(baseUrl() + SANDBOX + "/oauth/userinfo");
        HttpResponse<String> preflight = flow.send(HttpRequest.newBuilder(userInfo)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers.toLowerCase()).contains("authorization"));

        String accessToken = tokens.getOIDCTokens().getBearerAccessToken().getValue();
        for (String from : List.of(origin, "https://evil.example.net")) {
            HttpResponse<String> answer = flow.send(HttpRequest.newBuilder(userInfo)
                    .header("Origin", from)
                    .header("Authorization", "Bearer " + accessToken)
                    .GET()
                    .build());
            assertThat(answer.statusCode()).isEqualTo(200);
            if (from.equals(origin)) {
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                        .contains(origin);
                assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                        .isEmpty();
            } else {
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                        .as("another site cannot read the answer")
                        .isEmpty();
            }
        }
        HttpResponse<String> confidentialsToken = flow.send(HttpRequest.newBuilder(userInfo)
                .header("Origin", origin)
                .header(
                        "Authorization",
                        "Bearer "
                                + signIn(List.of("openid"), new Nonce())
                                        .getOIDCTokens()
                                        .getBearerAccessToken()
                                        .getValue())
                .GET()
                .build());
        assertThat(confidentialsToken.statusCode()).isEqualTo(200);
        assertThat(confidentialsToken.headers().firstValue("Access-Control-Allow-Origin"))
                .as("the origin belongs to another client than the token's")
                .isEmpty();
    }

    @Test
    void discovery_advertises_openid_connect_and_only_endpoints_that_answer() throws Exception {
        for (String issuer : List.of(SANDBOX, "/production")) {
            JsonNode oidc = json.readTree(
                    flow.api(issuer + "/.well-known/openid-configuration", null).body());
            JsonNode oauth = json.readTree(flow.api(issuer + "/.well-known/oauth-authorization-server", null)
                    .body());
            for (JsonNode document : List.of(oidc, oauth)) {
                assertThat(strings(document, "scopes_supported")).contains("openid", "vendors:read");
                assertThat(document.get("userinfo_endpoint").asString())
                        .isEqualTo(baseUrl() + issuer + "/oauth/userinfo");
                assertThat(strings(document, "id_token_signing_alg_values_supported"))
                        .containsExactly("RS256");
                assertThat(strings(document, "subject_types_supported")).containsExactly("public");
                assertThat(strings(document, "claims_supported"))
                        .contains("sub", "iss", "aud", "azp", "auth_time", "nonce");
                for (String absent : List.of(
                        "end_session_endpoint",
                        "pushed_authorization_request_endpoint",
                        "device_authorization_endpoint",
                        "backchannel_logout_supported",
                        "frontchannel_logout_supported")) {
                    assertThat(document.has(absent)).as(issuer + " " + absent).isFalse();
                }
                document.properties().forEach(entry -> {
                    if (entry.getKey().endsWith("_endpoint") || entry.getKey().equals("jwks_uri")) {
                        String path =
                                entry.getValue().asString().substring(baseUrl().length());
                        HttpResponse<String> answer = flow.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                .method(
                                        path.endsWith("/authorize")
                                                        || path.endsWith("/jwks")
                                                        || path.endsWith("/userinfo")
                                                ? "GET"
                                                : "POST",
                                        HttpRequest.BodyPublishers.noBody())
                                .build());
                        assertThat(answer.statusCode())
                                .as(entry.getKey() + " " + path + " answers as an endpoint")
                                .isNotIn(404, 405)
                                .isLessThan(500);
                    }
                });
            }
            assertThat(oidc.has("registration_endpoint"))
                    .as("the sandbox's open RFC 7591 registration is not OpenID Connect registration; production's"
                            + " token-guarded one is named in both documents")
                    .isEqualTo(issuer.equals("/production"));
            for (String unserved : List.of("/oauth/logout", "/oauth/par", "/oauth/oidc-register")) {
                assertThat(flow.api(issuer + unserved, null).statusCode())
                        .as(issuer + unserved)
                        .isEqualTo(404);
            }
        }
    }

    private static List<String> strings(JsonNode document, String name) {
        assertThat(document.has(name)).as(name).isTrue();
        return document.get(name).valueStream().map(JsonNode::asString).toList();
    }
}
