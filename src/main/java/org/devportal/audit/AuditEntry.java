package org.devportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * One recorded event. Append-only: there is no way to change or delete an entry.
 * <p>
 * {@link Persistable}, so that saving a new entry is an insert: its id is assigned up front, which Spring Data would
 * otherwise take for an existing row and look it up first.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry implements Persistable<UUID> {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id = UUID.randomUUID();

    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(nullable = false)
    private String action;

    @Column(name = "actor_subject", nullable = false)
    private String actorSubject;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** The changed fields as JSON: [{"field":..., "old":..., "new":...}]. */
    @Column(nullable = false, columnDefinition = "longtext")
    private String changes;

    /** The client secret that authenticated the request, when one did. */
    @Column(name = "secret_id")
    private UUID secretId;

    @Transient
    private boolean stored;

    protected AuditEntry() {}

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    AuditEntry(
            UUID clientId,
            UUID teamId,
            String action,
            String actorSubject,
            String actorName,
            Instant occurredAt,
            String changes,
            UUID secretId) {
        this.clientId = clientId;
        this.teamId = teamId;
        this.action = action;
        this.actorSubject = actorSubject;
        this.actorName = actorName;
        this.occurredAt = occurredAt;
        this.changes = changes;
        this.secretId = secretId;
    }

    UUID teamId() {
        return teamId;
    }

    String action() {
        return action;
    }

    String actorName() {
        return actorName;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String changes() {
        return changes;
    }
}
