package org.devportal.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The user behind the current request. Services call {@link #require()} for their own access checks,
 * so that a check never depends on a view hiding a button.
 */
@Component
public class CurrentUser {

    /** The signed-in portal user, if any. */
    public Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof OidcUser oidcUser)) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.parse(authority.getAuthority())
                    .filter(role -> authority.getAuthority().startsWith("ROLE_"))
                    .ifPresent(roles::add);
        }
        String name = oidcUser.getFullName() != null ? oidcUser.getFullName() : oidcUser.getEmail();
        return Optional.of(new PortalUser(
                oidcUser.getSubject(),
                oidcUser.getEmail(),
                Boolean.TRUE.equals(oidcUser.getEmailVerified()),
                name == null ? oidcUser.getSubject() : name,
                roles));
    }

    /** The signed-in portal user; fails when nobody is signed in. */
    public PortalUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** The signed-in user, who must hold the given role. */
    public PortalUser requireRole(Role role) {
        PortalUser user = require();
        if (!user.hasRole(role)) {
            throw new AccessDeniedException(role);
        }
        return user;
    }

    /** Thrown when the signed-in user lacks a role a use case needs. */
    public static final class AccessDeniedException extends org.springframework.security.access.AccessDeniedException {
        public AccessDeniedException(Role role) {
            super("This action needs the " + role.name().toLowerCase(java.util.Locale.ROOT) + " role");
        }
    }
}
