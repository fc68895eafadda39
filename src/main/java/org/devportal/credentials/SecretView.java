package org.devportal.credentials;

import java.time.Instant;
import java.util.UUID;
import org.devportal.base.SecretUsage;

/**
 * A secret as the credentials section lists it: recognisable, never usable.
 *
 * @param label the team's name for it, or null
 * @param lastUsedAt the newest request it authenticated, or null if none is known
 * @param usage how often it was used in the last hour, day and week, in whole clock hours (see {@link SecretUsage})
 */
public record SecretView(
        UUID id,
        String displayHint,
        String label,
        SecretStatus status,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt,
        SecretUsage.Counts usage) {

    /** How recent a use makes a revocation ask for a second confirmation. */
    public static final java.time.Duration RECENT_USE = java.time.Duration.ofHours(1);

    static SecretView of(SecretRecord record, String label, SecretUsage.Counts usage, Instant now) {
        Instant lastUsed = record.lastUsedAt();
        // The counts' newest use is exact; the stored time is kept to the minute and also covers introspection.
        if (usage.lastAt() != null && (lastUsed == null || usage.lastAt().isAfter(lastUsed))) {
            lastUsed = usage.lastAt();
        }
        return new SecretView(
                record.id().value(),
                record.displayHint(),
                label,
                record.status(now),
                record.createdAt(),
                record.createdBy(),
                record.expiresAt(),
                record.revokedAt(),
                record.revokedBy(),
                lastUsed,
                usage);
    }

    /** The hint and, when it has one, the label: {@code dpsbx_…a1b2 (CI)}. */
    public String name() {
        return name(displayHint, label);
    }

    static String name(String displayHint, String label) {
        return label == null ? displayHint : displayHint + " (" + label + ")";
    }

    /** Whether a request used it within {@link #RECENT_USE} before {@code now}. */
    public boolean usedRecently(Instant now) {
        return lastUsedAt != null && lastUsedAt.isAfter(now.minus(RECENT_USE));
    }
}
