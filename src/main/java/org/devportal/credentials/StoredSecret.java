package org.devportal.credentials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A secret as stored: its keyed hash and history, never its value. */
@Entity
@Table(name = "client_secret")
class StoredSecret {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SecretEnvironment environment;

    @Column(name = "secret_hash", nullable = false)
    private String hash;

    @Column(name = "display_hint", nullable = false)
    private String displayHint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "label")
    private String label;

    @Column(name = "warned_day_before", nullable = false)
    private boolean warnedDayBefore;

    @Column(name = "warned_hour_before", nullable = false)
    private boolean warnedHourBefore;

    @Column(name = "expiry_handled", nullable = false)
    private boolean expiryHandled;

    protected StoredSecret() {}

    StoredSecret(UUID clientId, SecretEnvironment environment, SecretRecord record) {
        this.id = record.id().value();
        this.clientId = clientId;
        this.environment = environment;
        this.hash = record.hash().toHex();
        apply(record);
    }

    SecretRecord record() {
        return new SecretRecord(
                new SecretId(id),
                SecretHash.ofHex(hash),
                displayHint,
                createdAt,
                createdBy,
                expiresAt,
                revokedAt,
                revokedBy,
                lastUsedAt);
    }

    /** Copies the mutable parts of the record; the id and hash never change. */
    void apply(SecretRecord record) {
        this.displayHint = record.displayHint();
        this.createdAt = record.createdAt();
        this.createdBy = record.createdBy();
        this.expiresAt = record.expiresAt();
        this.revokedAt = record.revokedAt();
        this.revokedBy = record.revokedBy();
        this.lastUsedAt = record.lastUsedAt();
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    SecretEnvironment environment() {
        return environment;
    }

    String displayHint() {
        return displayHint;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** The team's name for the secret; {@code null} when it has none. */
    String label() {
        return label;
    }

    void label(SecretLabel label) {
        this.label = label == null ? null : label.value();
    }

    boolean warnedDayBefore() {
        return warnedDayBefore;
    }

    boolean warnedHourBefore() {
        return warnedHourBefore;
    }

    void markWarnedDayBefore() {
        warnedDayBefore = true;
    }

    void markWarnedHourBefore() {
        warnedHourBefore = true;
    }

    void markExpiryHandled() {
        expiryHandled = true;
    }
}
