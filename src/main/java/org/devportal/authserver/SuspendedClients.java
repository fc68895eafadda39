package org.devportal.authserver;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Refuses every token request of a suspended client at the production issuer, before its grant is looked at: a code
 * exchange and a refresh alike, so that a suspension stops existing grants at once. The client has authenticated,
 * so it is told why ({@code unauthorized_client}, RFC 6749 §5.2); its grants stay as they are for a reinstatement.
 */
final class SuspendedClients implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    SuspendedClients(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && PlatformClients.isSuspended(client.getRegisteredClient())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                    "This client is suspended at the production issuer. Its developers have been told why.",
                    null));
        }
        return delegate.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
