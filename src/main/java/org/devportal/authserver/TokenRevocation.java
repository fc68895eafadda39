package org.devportal.authserver;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Token revocation (RFC 7009) for confidential clients and, with their {@code client_id} alone, public ones
 * (RFC 7009 §5). Revoking an access token ends only that token; revoking a refresh token, current or already
 * spent, ends its whole authorization. A token of another client and an unknown value are left alone and get the
 * same answer, 200, as RFC 7009 §2.2 asks for invalid tokens. Each revocation is one update in the store, which
 * only matches the client's own tokens.
 */
final class TokenRevocation implements AuthenticationProvider {

    private final AuthorizationStore store;
    private final GrantAudit audit;

    TokenRevocation(AuthorizationStore store, GrantAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2TokenRevocationAuthenticationToken request = (OAuth2TokenRevocationAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken principal)
                || !principal.isAuthenticated()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient client = principal.getRegisteredClient();
        store.revoke(request.getToken(), request.getTokenTypeHint(), client)
                .ifPresent(revoked -> audit.record(
                        client,
                        GrantRecorded.Action.TOKEN_REVOKED,
                        Set.of(),
                        revoked == AuthorizationStore.Revoked.ACCESS_TOKEN
                                ? "The client revoked an access token"
                                : "The client revoked a refresh token, which ends its authorization",
                        null));
        // The endpoint answers 200 whatever was found; the request itself is all the success handler needs.
        return request;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
