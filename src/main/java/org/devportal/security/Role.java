package org.devportal.security;

import java.util.Locale;
import java.util.Optional;

/** The portal's roles. Every signed-in user is a developer; reviewers and admins are granted. */
public enum Role {
    DEVELOPER,
    REVIEWER,
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name as it appears in a claim, in any letter case; unknown names are ignored. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalised = name.strip().toUpperCase(Locale.ROOT);
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring("ROLE_".length());
        }
        for (Role role : values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
