package org.devportal.authserver;

import java.time.Instant;
import java.util.Base64;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens for confidential and public clients alike. Spring's generator gives none to public clients;
 * the platform lets them refresh because refresh tokens rotate on every use and a reused one revokes the whole
 * authorization (docs/client-rules.md, authorization flow and tokens; OAuth 2.1 §4.3.1). Each one lives its time to
 * live, but never beyond the end of its authorization's lifetime ({@link GrantLimits}), so a chain of refreshes cannot
 * slide forever.
 */
final class RotatingRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final StringKeyGenerator values =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final GrantLimits limits;

    RotatingRefreshTokens(GrantLimits limits) {
        this.limits = limits;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient()
                        .getAuthorizationGrantTypes()
                        .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        Instant issuedAt = limits.now();
        Instant createdAt = context.getAuthorization() == null
                ? null
                : context.getAuthorization().getAttribute(AuthorizationStore.CREATED_AT);
        Instant expiresAt = limits.refreshTokenExpiry(
                issuedAt, context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive(), createdAt);
        return new OAuth2RefreshToken(values.generateKey(), issuedAt, expiresAt);
    }
}
