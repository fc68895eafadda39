package org.devportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.FieldChange;

/**
 * One line of the administrators' audit log: a {@link HistoryEntry} with the team and client it belongs to, either
 * of which may be absent (an account's reviewer role has neither).
 */
public record AuditRecord(UUID teamId, UUID clientId, HistoryEntry entry) {

    public String action() {
        return entry.action();
    }

    public String actor() {
        return entry.actor();
    }

    public Instant at() {
        return entry.at();
    }

    public List<FieldChange> changes() {
        return entry.changes();
    }
}
