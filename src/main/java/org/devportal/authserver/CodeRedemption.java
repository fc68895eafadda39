package org.devportal.authserver;

import java.util.Set;
import org.devportal.authserver.AuthorizationStore.Redemption;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * An authorization code works once (RFC 6749 §4.1.2). Spring Authorization Server checks that the code it read is
 * still valid; the exchange then saves the new tokens with an update conditional on the code still being valid, so
 * of two requests racing with one code, on any number of nodes, exactly one gets tokens. The other, like any later
 * replay, is refused, and what was issued for the code is revoked.
 */
final class CodeRedemption implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final AuthorizationStore store;
    private final GrantAudit audit;

    CodeRedemption(AuthenticationProvider delegate, AuthorizationStore store, GrantAudit audit) {
        this.delegate = delegate;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2AuthorizationCodeAuthenticationToken request =
                (OAuth2AuthorizationCodeAuthenticationToken) authentication;
        try {
            return store.redeeming(
                    new Redemption(Redemption.Kind.CODE, request.getCode(), null),
                    () -> delegate.authenticate(authentication));
        } catch (AuthorizationStore.Superseded used) {
            store.revokeAll(used.authorizationId());
            audit.record(
                    request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                            ? client.getRegisteredClient()
                            : null,
                    GrantRecorded.Action.CODE_REUSED,
                    Set.of(),
                    "An authorization code was presented again after it had been exchanged",
                    null);
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_GRANT,
                    "This authorization code was already used. The tokens issued for it are now revoked.",
                    null));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
