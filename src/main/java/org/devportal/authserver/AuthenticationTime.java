package org.devportal.authserver;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * When the end user authenticated, for the {@code auth_time} of ID tokens. The portal's own sign-in is OpenID
 * Connect: the identity provider's {@code auth_time} says when the user authenticated there; without one, the
 * provider's ID token was issued at the sign-in itself, so its {@code iat} is the time. Any other sign-in tells it by
 * the factors it records. Unknown, rather than guessed, otherwise.
 */
final class AuthenticationTime {

    private AuthenticationTime() {}

    static Optional<Instant> of(Object principal) {
        if (!(principal instanceof Authentication authentication)) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof OidcUser user && user.getIdToken() != null) {
            Instant authenticatedAt = user.getIdToken().getAuthenticatedAt();
            return Optional.ofNullable(
                    authenticatedAt != null
                            ? authenticatedAt
                            : user.getIdToken().getIssuedAt());
        }
        Instant latest = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority instanceof FactorGrantedAuthority factor
                    && factor.getIssuedAt() != null
                    && (latest == null || factor.getIssuedAt().isAfter(latest))) {
                latest = factor.getIssuedAt();
            }
        }
        return Optional.ofNullable(latest);
    }
}
