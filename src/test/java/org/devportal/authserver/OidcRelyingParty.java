package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.devportal.test.HttpTestClient;

/**
 * A relying party built on the Nimbus OAuth 2.0 / OpenID Connect SDK, as a partner would write one: it learns the
 * issuer from its discovery document, signs the user in with the authorization code flow, PKCE and a nonce, validates
 * ID tokens against the issuer's JWKS, and calls the user info endpoint. Only the user's part (signing in at the
 * portal and consenting) is played by {@link OAuthFlow}.
 */
public final class OidcRelyingParty {

    private final OAuthFlow flow;
    private final String issuerPath;
    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final Secret secret;
    private final URI redirectUri;

    private OidcRelyingParty(
            OAuthFlow flow,
            String issuerPath,
            OIDCProviderMetadata provider,
            ClientID clientId,
            Secret secret,
            URI redirectUri) {
        this.flow = flow;
        this.issuerPath = issuerPath;
        this.provider = provider;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** Reads the issuer's OpenID Provider metadata; a confidential client has a secret, a public one none. */
    public static OidcRelyingParty discover(
            OAuthFlow flow, String baseUrl, String issuerPath, String clientId, String secret, String redirectUri)
            throws Exception {
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(baseUrl + issuerPath));
        return new OidcRelyingParty(
                flow,
                issuerPath,
                provider,
                new ClientID(clientId),
                secret == null ? null : new Secret(secret),
                URI.create(redirectUri));
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** The authorization request: code flow, PKCE S256, a state and a nonce. */
    public URI authenticationRequest(List<String> scopes, State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope(scopes.toArray(String[]::new)),
                        clientId,
                        redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** The user signs in and consents to every scope; the relying party reads and checks the redirect back. */
    public AuthorizationCode authorize(String email, List<String> scopes, Nonce nonce, CodeVerifier verifier)
            throws Exception {
        State state = new State();
        URI request = authenticationRequest(scopes, state, nonce, verifier);
        HttpResponse<String> toConsent = flow.open(request.toString(), email);
        HttpResponse<String> back =
                flow.consent(issuerPath, clientId.getValue(), OAuthFlow.consentState(toConsent), scopes);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(HttpTestClient.location(back)));
        assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        assertThat(success.getState()).isEqualTo(state);
        assertThat(success.getIssuer()).isEqualTo(provider.getIssuer());
        return success.getAuthorizationCode();
    }

    /** The code exchange, parsed as an OpenID Connect token response. */
    public TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier) throws Exception {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    public TokenResponse refresh(RefreshToken refreshToken) throws Exception {
        return token(new RefreshTokenGrant(refreshToken));
    }

    private TokenResponse token(AuthorizationGrant grant) throws Exception {
        TokenRequest request = secret == null
                ? new TokenRequest(provider.getTokenEndpointURI(), clientId, grant)
                : new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret), grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    /** An ID token validator for this client: signature by the issuer's JWKS, iss, aud, expiry and nonce. */
    public IDTokenValidator idTokenValidator() throws Exception {
        return new IDTokenValidator(
                provider.getIssuer(),
                clientId,
                JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
    }

    public HTTPResponse userInfo(AccessToken accessToken) throws Exception {
        return new UserInfoRequest(provider.getUserInfoEndpointURI(), (BearerAccessToken) accessToken)
                .toHTTPRequest()
                .send();
    }

    public UserInfoResponse parsedUserInfo(AccessToken accessToken) throws Exception {
        return UserInfoResponse.parse(userInfo(accessToken));
    }
}
