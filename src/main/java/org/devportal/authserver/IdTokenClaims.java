package org.devportal.authserver;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims of the issuers' ID tokens (OpenID Connect Core §2), on top of what Spring Authorization Server sets:
 * {@code iss}, {@code aud} and {@code azp} (the client ID), {@code iat}, {@code exp}, and the {@code nonce} of the
 * authorization request.
 *
 * <ul>
 *   <li>{@code sub} is the subject of the access token issued with it ({@link TokenSubjects}): the company or
 *       organisation the client acts for, never the portal user's own identifier.</li>
 *   <li>{@code auth_time} is when the user signed in to the portal before consenting, kept with the authorization
 *       so that a refresh repeats it.</li>
 *   <li>No {@code sid}: the issuers offer no session management or logout, so a session ID would promise what they do
 *       not do.</li>
 * </ul>
 */
final class IdTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        OAuth2Authorization authorization = context.getAuthorization();
        OAuth2Authorization.Token<OAuth2AccessToken> access =
                authorization == null ? null : authorization.getAccessToken();
        Map<String, Object> accessClaims = access == null ? null : access.getClaims();
        Object subject = accessClaims == null ? null : accessClaims.get("sub");
        if (subject == null) {
            throw new IllegalStateException("An ID token is issued only with an access token that has a subject");
        }
        context.getClaims().subject(subject.toString()).claims(claims -> {
            claims.remove("sid");
            Instant authTime = authorization.getAttribute(AuthorizationStore.AUTH_TIME);
            if (authTime == null) {
                claims.remove(IdTokenClaimNames.AUTH_TIME);
            } else {
                claims.put(IdTokenClaimNames.AUTH_TIME, Date.from(authTime));
            }
        });
    }
}
