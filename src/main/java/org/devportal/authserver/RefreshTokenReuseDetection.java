package org.devportal.authserver;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Refresh tokens rotate on every use (SPEC §4). A refresh token presented a second time means that two parties
 * hold it, so every token of its authorization is revoked. Marking the token spent is one insert under a primary
 * key, so two requests racing with the same token cannot both succeed.
 */
final class RefreshTokenReuseDetection implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final AuthorizationStore store;
    private final GrantAudit audit;

    RefreshTokenReuseDetection(AuthenticationProvider delegate, AuthorizationStore store, GrantAudit audit) {
        this.delegate = delegate;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2RefreshTokenAuthenticationToken request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        RegisteredClient client = request.getPrincipal() instanceof OAuth2ClientAuthenticationToken principal
                ? principal.getRegisteredClient()
                : null;
        String presented = request.getRefreshToken();
        return store.forClient(client, () -> {
            OAuth2Authorization current = store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
            if (current != null
                    && client != null
                    && current.getRegisteredClientId().equals(client.getId())
                    && current.getRefreshToken() != null
                    && current.getRefreshToken().isActive()) {
                // The usual case: the client's current refresh token. Marking it spent fails only if it was spent
                // before, whether by an earlier request or by one racing with this one.
                if (!store.markSpent(presented, current.getId())) {
                    throw reused(current.getId(), client);
                }
            } else {
                // Not a current token: a spent one means that two parties hold it.
                Optional<String> spentBy = store.spentBy(presented);
                if (spentBy.isPresent()) {
                    throw reused(spentBy.get(), client);
                }
            }
            return delegate.authenticate(authentication);
        });
    }

    private OAuth2AuthenticationException reused(String authorizationId, RegisteredClient client) {
        store.revokeAll(authorizationId);
        audit.record(
                client,
                GrantRecorded.Action.REFRESH_TOKEN_REUSED,
                Set.of(),
                "A refresh token was presented again after it had been used",
                null);
        return new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT,
                "This refresh token was already used. Every token of this authorization is now revoked; "
                        + "the user must authorise the client again.",
                null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
