package org.devportal.credentials;

import java.time.Instant;
import java.util.UUID;

/** A secret as the credentials section lists it: recognisable, never usable. */
public record SecretView(
        UUID id,
        String displayHint,
        SecretStatus status,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt) {

    static SecretView of(SecretRecord record, Instant now) {
        return new SecretView(
                record.id().value(),
                record.displayHint(),
                record.status(now),
                record.createdAt(),
                record.createdBy(),
                record.expiresAt(),
                record.revokedAt(),
                record.revokedBy(),
                record.lastUsedAt());
    }
}
