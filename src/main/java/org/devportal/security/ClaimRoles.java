package org.devportal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads portal roles from an ID-token claim. Providers spell the claim differently: a JSON array
 * ({@code ["REVIEWER"]}), a space- or comma-separated string, or role names with a {@code ROLE_} prefix.
 * Every signed-in user is a developer; an administrator e-mail only counts when the provider verified it.
 */
final class ClaimRoles {

    private ClaimRoles() {}

    static Set<Role> from(Map<String, Object> claims, SecurityProperties properties) {
        Set<Role> roles = EnumSet.of(Role.DEVELOPER);
        Object claim = claims.get(properties.rolesClaim());
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> Role.parse(String.valueOf(value)).ifPresent(roles::add));
        } else if (claim instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                Role.parse(part).ifPresent(roles::add);
            }
        }
        Object email = claims.get("email");
        if (Boolean.TRUE.equals(claims.get("email_verified"))
                && email instanceof String address
                && properties.isAdminEmail(address)) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }
}
