package org.devportal.security;

import java.util.Set;

/**
 * The signed-in user as the portal's services see it.
 *
 * @param subject the identity provider's stable identifier of the user
 * @param email the user's e-mail address
 * @param emailVerified whether the identity provider has verified that address
 * @param displayName the name to show
 * @param roles the user's portal roles
 */
public record PortalUser(String subject, String email, boolean emailVerified, String displayName, Set<Role> roles) {

    public PortalUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
