package org.devportal.authserver;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Token introspection (RFC 7662) is for confidential clients, about their own tokens: Spring Authorization
 * Server's provider answers, but only finds the authenticated client's authorizations, so a token of another
 * client, or of the other issuer, introspects as {@code {"active":false}} (RFC 7662 §2.2 lets the server decide
 * whom it tells about a token). A public client has no credentials to protect the endpoint with, and never
 * introspects.
 */
final class TokenIntrospectionRules implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final AuthorizationStore store;

    TokenIntrospectionRules(AuthenticationProvider delegate, AuthorizationStore store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2TokenIntrospectionAuthenticationToken request =
                (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken principal)
                || !principal.isAuthenticated()
                || ClientAuthenticationMethod.NONE.equals(principal.getClientAuthenticationMethod())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_CLIENT,
                    "Only confidential clients can introspect tokens: authenticate with client_secret_basic.",
                    null));
        }
        if (PlatformClients.isSuspended(principal.getRegisteredClient())) {
            // The tokens of a suspended client are not active, whatever their expiry (RFC 7662 §2.2).
            return new OAuth2TokenIntrospectionAuthenticationToken(
                    request.getToken(),
                    principal,
                    OAuth2TokenIntrospection.builder().build());
        }
        return store.ownedBy(principal.getRegisteredClient(), () -> delegate.authenticate(authentication));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
