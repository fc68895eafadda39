package org.devportal.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * The issuers' user info endpoint, {@code {issuer}/oauth/userinfo} (OpenID Connect Core §5.3), for GET and POST.
 * <ul>
 *   <li>The request carries an access token of this issuer as a bearer token (RFC 6750: the {@code Authorization}
 *       header, or {@code access_token} in a form-encoded POST body). A token of the other issuer is unknown here,
 *       exactly as at the sample API.</li>
 *   <li>The token must hold {@code openid}; Spring Authorization Server checks that and that the token is active.</li>
 *   <li>The answer holds {@code sub} only, the same subject as the access token's and the ID token's: the company
 *       or organisation the client acts for. The portal knows nothing else about it that it could truthfully put in
 *       a standard claim.</li>
 *   <li>Refusals are RFC 6750 §3 challenges: 401 with {@code WWW-Authenticate: Bearer} and no error code when no
 *       token was sent, 401 {@code invalid_token} for an unknown, expired or revoked one, 403
 *       {@code insufficient_scope} without {@code openid}.</li>
 * </ul>
 */
final class UserInfoEndpoint {

    private static final String REALM = "userinfo";

    private final AuthorizationStore store;
    private final ObjectMapper json;
    private final DefaultBearerTokenResolver bearerTokens = bearerTokenResolver();

    UserInfoEndpoint(AuthorizationStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The bearer token a user info request carries, or empty; throws when it carries more than one. */
    Optional<String> bearerToken(HttpServletRequest request) {
        return Optional.ofNullable(bearerTokens.resolve(request));
    }

    /** Turns a request into Spring Authorization Server's user info request, authenticated by its bearer token. */
    Authentication convert(HttpServletRequest request) {
        String token = bearerToken(request).orElseThrow(NoToken::new);
        Optional<Issuer> issuer = Issuer.of(request.getRequestURI());
        AuthorizationStore.ActiveToken active = store.activeAccessToken(token)
                .filter(found -> issuer.isPresent() && found.issuer() == issuer.get())
                .orElseThrow(() -> new OAuth2AuthenticationException(invalidToken()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sub", active.subject());
        attributes.put("client_id", active.clientId());
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, token, null, active.expiresAt(), active.scopes());
        return new OidcUserInfoAuthenticationToken(new BearerTokenAuthentication(
                new DefaultOAuth2AuthenticatedPrincipal(active.subject(), attributes, List.of()),
                accessToken,
                List.of()));
    }

    /** The claims of the answer: the subject of the access token, nothing more. */
    static OidcUserInfo claims(OidcUserInfoAuthenticationContext context) {
        Map<String, Object> accessClaims =
                context.getAuthorization().getAccessToken().getClaims();
        Object subject = accessClaims == null ? null : accessClaims.get("sub");
        if (subject == null) {
            throw new OAuth2AuthenticationException(invalidToken());
        }
        return OidcUserInfo.builder().subject(subject.toString()).build();
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (exception instanceof NoToken) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            return;
        }
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        String code = error.getErrorCode();
        int status;
        String description;
        String challenge = "Bearer realm=\"" + REALM + "\", error=\"%s\", error_description=\"%s\"";
        switch (code) {
            case OAuth2ErrorCodes.INVALID_TOKEN -> {
                status = HttpServletResponse.SC_UNAUTHORIZED;
                description = invalidToken().getDescription();
            }
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> {
                status = HttpServletResponse.SC_FORBIDDEN;
                description = "The access token was not granted openid. Ask for the openid scope in the "
                        + "authorization request; the client must have it among its scopes.";
                challenge += ", scope=\"" + OidcScopes.OPENID + "\"";
            }
            default -> {
                code = OAuth2ErrorCodes.INVALID_REQUEST;
                status = HttpServletResponse.SC_BAD_REQUEST;
                description = "Send exactly one access token: in the Authorization header as a bearer token, or "
                        + "as access_token in a form-encoded POST body.";
            }
        }
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", challenge.formatted(code, description));
        response.setContentType("application/json");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static OAuth2Error invalidToken() {
        return new OAuth2Error(
                OAuth2ErrorCodes.INVALID_TOKEN,
                "The access token is unknown to this issuer, expired or revoked. Refresh it, or authorize again.",
                null);
    }

    private static DefaultBearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        // OpenID Connect Core §5.3.1 allows the form-encoded body of a POST (RFC 6750 §2.2).
        resolver.setAllowFormEncodedBodyParameter(true);
        return resolver;
    }

    /** The request carries no bearer token at all (RFC 6750 §3.1: answered without an error code). */
    private static final class NoToken extends OAuth2AuthenticationException {
        NoToken() {
            super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN));
        }
    }
}
