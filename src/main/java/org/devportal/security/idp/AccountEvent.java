package org.devportal.security.idp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/**
 * An entry in an account's security log: passkeys added or removed, recovery codes issued or used. Entries name
 * what happened, never a code or key.
 */
@Entity
@Table(name = "idp_account_event")
class AccountEvent extends AbstractEntity {

    enum Action {
        PASSKEY_ADDED,
        PASSKEY_REMOVED,
        RECOVERY_CODES_ISSUED,
        RECOVERY_CODE_USED
    }

    @Column(name = "account_id", nullable = false, columnDefinition = "uuid")
    private UUID accountId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Action action;

    @Column(nullable = false)
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AccountEvent() {}

    AccountEvent(UUID accountId, Action action, String detail, Instant occurredAt) {
        this.accountId = accountId;
        this.action = action;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    Action action() {
        return action;
    }

    String detail() {
        return detail;
    }
}
