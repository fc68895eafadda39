package org.devportal.security.idp;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.devportal.security.Role;

/** An account of the built-in identity provider, as the accounts page shows it. */
public record AccountSummary(
        UUID id, String email, String displayName, boolean emailVerified, Set<Role> roles, Instant createdAt) {

    static AccountSummary of(Account account) {
        return new AccountSummary(
                account.getId(),
                account.email(),
                account.displayName(),
                account.emailVerified(),
                account.roles(),
                account.createdAt());
    }
}
