package org.devportal.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The page's hint that a rotation is complete: the newest active secret is in use, and an older one that still
 * works has been quiet for {@code quietFor} or longer (or was never used). Revoking it then costs nothing and
 * shortens the time a leaked copy would be useful.
 *
 * @param old the secret to revoke
 * @param newer the secret that replaced it and is in use
 * @param quietSince the older secret's last use, or its creation if it was never used
 */
public record RevokeSuggestion(SecretView old, SecretView newer, Instant quietSince) {

    /** The suggestion for a client's secrets (oldest first), if there is one: for the oldest quiet secret. */
    public static Optional<RevokeSuggestion> of(List<SecretView> secrets, Instant now, Duration quietFor) {
        List<SecretView> active =
                secrets.stream().filter(secret -> secret.status().isActive()).toList();
        if (active.size() < 2) {
            return Optional.empty();
        }
        SecretView newest = active.getLast();
        if (newest.lastUsedAt() == null) {
            return Optional.empty();
        }
        for (SecretView old : active.subList(0, active.size() - 1)) {
            Instant quietSince = old.lastUsedAt() == null ? old.createdAt() : old.lastUsedAt();
            if (!quietSince.plus(quietFor).isAfter(now)) {
                return Optional.of(new RevokeSuggestion(old, newest, quietSince));
            }
        }
        return Optional.empty();
    }
}
