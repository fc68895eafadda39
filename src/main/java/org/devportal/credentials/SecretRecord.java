package org.devportal.credentials;

import java.time.Instant;
import java.util.Objects;

/**
 * What is kept of one client secret: its hash and its history, never its plaintext.
 *
 * @param id identifies the secret within its client
 * @param hash the keyed hash of the secret
 * @param displayHint the prefix and last characters, to recognise the secret by (see {@link ClientSecret#displayHint()})
 * @param createdAt when the secret was generated
 * @param createdBy who generated it (the user's subject)
 * @param expiresAt when its grace period ends; {@code null} while it is the current secret
 * @param revokedAt when it was revoked; {@code null} if it never was
 * @param revokedBy who revoked it; {@code null} if it never was
 * @param lastUsedAt when a client last authenticated with it, give or take {@link SecretRing#LAST_USED_RESOLUTION};
 *        {@code null} if never
 */
public record SecretRecord(
        SecretId id,
        SecretHash hash,
        String displayHint,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt) {

    public SecretRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (displayHint == null || displayHint.isBlank()) {
            throw new IllegalArgumentException("A secret needs a display hint");
        }
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("A secret needs to say who created it");
        }
        if ((revokedAt == null) != (revokedBy == null)) {
            throw new IllegalArgumentException("A revoked secret says both when and by whom it was revoked");
        }
        if (expiresAt != null && expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("A secret cannot expire before it was created");
        }
    }

    /** A new, current secret. */
    static SecretRecord issued(SecretId id, SecretHash hash, String displayHint, Instant now, String actor) {
        return new SecretRecord(id, hash, displayHint, now, actor, null, null, null, null);
    }

    public SecretStatus status(Instant now) {
        if (revokedAt != null) {
            return SecretStatus.REVOKED;
        }
        if (expiresAt == null) {
            return SecretStatus.ACTIVE;
        }
        return now.isBefore(expiresAt) ? SecretStatus.GRACE : SecretStatus.EXPIRED;
    }

    /** Whether a client may authenticate with this secret at {@code now}. */
    public boolean isActive(Instant now) {
        return status(now).isActive();
    }

    SecretRecord expiringAt(Instant when) {
        return new SecretRecord(id, hash, displayHint, createdAt, createdBy, when, revokedAt, revokedBy, lastUsedAt);
    }

    SecretRecord revoked(Instant when, String actor) {
        return new SecretRecord(id, hash, displayHint, createdAt, createdBy, expiresAt, when, actor, lastUsedAt);
    }

    SecretRecord usedAt(Instant when) {
        return new SecretRecord(id, hash, displayHint, createdAt, createdBy, expiresAt, revokedAt, revokedBy, when);
    }
}
