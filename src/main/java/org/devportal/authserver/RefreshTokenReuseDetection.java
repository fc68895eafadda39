package org.devportal.authserver;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.devportal.authserver.AuthorizationStore.Redemption;
import org.devportal.authserver.AuthorizationStore.Spent;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Refresh tokens rotate on every use (docs/client-rules.md, authorization flow and tokens). A refresh token presented a
 * second time means that two parties hold it, so every token of its authorization is revoked, unless the second time
 * comes within a short leeway of the first: then it is taken for a concurrent refresh of the same client (two tabs, two
 * threads), refused with an error that leaves the authorization intact, and the client goes on with the tokens the
 * first request got.
 * <p>
 * Spending a token is one insert under a primary key, so of any number of requests racing with the same token,
 * on any number of nodes, exactly one rotates it; the others wait for its transaction and then find it spent. The
 * new tokens replace the spent one with an update conditional on it still being current, so a revocation that
 * commits meanwhile is never overwritten.
 * <p>
 * Before rotating, the authorization is checked against its {@link GrantLimits}: it must be younger than the grant
 * lifetime, and it keeps only the scopes the client is still allowed; with none left it ends.
 */
final class RefreshTokenReuseDetection implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final AuthorizationStore store;
    private final GrantAudit audit;
    private final GrantLimits limits;

    RefreshTokenReuseDetection(
            AuthenticationProvider delegate, AuthorizationStore store, GrantAudit audit, GrantLimits limits) {
        this.delegate = delegate;
        this.store = store;
        this.audit = audit;
        this.limits = limits;
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
                    && !current.getRefreshToken().isInvalidated()) {
                OAuth2Authorization limited = withinLimits(current, client);
                // The usual case: the client's current refresh token. Marking it spent fails only if it was spent
                // before, whether by an earlier request or by one racing with this one.
                if (!store.markSpent(presented, current.getId())) {
                    throw spentAgain(store.spent(presented), client);
                }
                try {
                    return store.redeeming(
                            new Redemption(Redemption.Kind.REFRESH_TOKEN, presented, limited),
                            () -> delegate.authenticate(authentication));
                } catch (AuthorizationStore.Superseded revokedMeanwhile) {
                    throw refused("This refresh token was revoked while it was being used.");
                }
            }
            // Not a current token: a spent one means that two parties hold it, or that two requests raced.
            Optional<Spent> spent = store.spent(presented);
            if (spent.isPresent()) {
                throw spentAgain(spent, client);
            }
            return delegate.authenticate(authentication);
        });
    }

    /**
     * The authorization as it may be refreshed now, or a refusal: an authorization past its lifetime, or with a
     * refresh token expired by the portal's clock, is refused; one whose scopes were all taken from the client is
     * ended.
     */
    private OAuth2Authorization withinLimits(OAuth2Authorization authorization, RegisteredClient client) {
        Instant createdAt = authorization.getAttribute(AuthorizationStore.CREATED_AT);
        if (limits.ended(createdAt)) {
            throw refused(
                    "This authorization is older than " + limits.lifetime().toDays()
                            + " days, the longest an authorization can be refreshed. The user must authorise the client again.");
        }
        OAuth2RefreshToken refreshToken = authorization.getRefreshToken().getToken();
        if (refreshToken.getExpiresAt() != null && !limits.now().isBefore(refreshToken.getExpiresAt())) {
            throw refused("This refresh token has expired. The user must authorise the client again.");
        }
        Set<String> kept = GrantLimits.stillAllowed(authorization.getAuthorizedScopes(), client.getScopes());
        if (kept.isEmpty()) {
            store.revokeAll(authorization.getId());
            throw refused("None of the scopes this authorization granted is still registered for the client, so the "
                    + "authorization has ended. The user must authorise the client again.");
        }
        return kept.equals(authorization.getAuthorizedScopes())
                ? authorization
                : OAuth2Authorization.from(authorization).authorizedScopes(kept).build();
    }

    /** A spent refresh token presented again: a concurrent refresh within the leeway, otherwise a reuse. */
    private OAuth2AuthenticationException spentAgain(Optional<Spent> spent, RegisteredClient client) {
        if (spent.isEmpty()) {
            // Spent by a request whose transaction then rolled back: nothing was issued for it.
            return refused("This refresh token could not be used. Try again.");
        }
        if (limits.withinLeeway(spent.get().at())) {
            return refused("This refresh token was replaced moments ago by a concurrent refresh of the same client. "
                    + "The authorization is still valid: continue with the refresh token that refresh received.");
        }
        store.revokeAll(spent.get().authorizationId());
        audit.record(
                client,
                GrantRecorded.Action.REFRESH_TOKEN_REUSED,
                Set.of(),
                "A refresh token was presented again after it had been used",
                null);
        return refused("This refresh token was already used. Every token of this authorization is now revoked; "
                + "the user must authorise the client again.");
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
