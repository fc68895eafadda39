package org.devportal.security.idp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/** One recovery code of an account: only its hash is kept, and it works once. */
@Entity
@Table(name = "idp_recovery_code")
class RecoveryCode extends AbstractEntity {

    @Column(name = "account_id", nullable = false, columnDefinition = "uuid")
    private UUID accountId;

    @Column(nullable = false)
    private String lookup;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {}

    RecoveryCode(UUID accountId, String lookup, String codeHash, Instant createdAt) {
        this.accountId = accountId;
        this.lookup = lookup;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    String codeHash() {
        return codeHash;
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant at) {
        if (usedAt != null) {
            throw new IllegalStateException("A recovery code works once");
        }
        usedAt = at;
    }
}
