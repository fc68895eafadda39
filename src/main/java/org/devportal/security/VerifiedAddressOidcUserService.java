package org.devportal.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in only users whose identity provider vouches for their e-mail address ({@code email_verified: true}).
 * The built-in provider never signs an unverified account in; an external provider may, so the portal applies the
 * same rule itself. Teams, invitations and administrator addresses all rest on the address being the user's.
 */
final class VerifiedAddressOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refused sign-in; {@link SignInFailure} turns it into words. */
    static final String EMAIL_NOT_VERIFIED = "email_not_verified";

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

    VerifiedAddressOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate) {
        this.delegate = delegate;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return requireVerifiedAddress(delegate.loadUser(request));
    }

    /** The user, if the provider says the address is verified; a missing claim counts as "not verified". */
    static OidcUser requireVerifiedAddress(OidcUser user) {
        if (user.getEmail() == null || user.getEmail().isBlank() || !Boolean.TRUE.equals(user.getEmailVerified())) {
            // The description stays generic: it reaches logs, and the address is the user's own business.
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(EMAIL_NOT_VERIFIED, "The identity provider has not verified the address", null));
        }
        return user;
    }
}
