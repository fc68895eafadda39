package org.devportal.security.idp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/** A single-use link sent by e-mail. Only the SHA-256 of the token is stored. */
@Entity
@Table(name = "idp_account_token")
class AccountToken extends AbstractEntity {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {}

    AccountToken(UUID accountId, Purpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID accountId() {
        return accountId;
    }

    Purpose purpose() {
        return purpose;
    }

    boolean used() {
        return usedAt != null;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void use(Instant at) {
        if (usedAt != null) {
            throw new IllegalStateException("Token already used");
        }
        usedAt = at;
    }
}
