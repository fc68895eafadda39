package org.devportal.audit;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;
import org.devportal.base.TeamAccess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every {@link Audited} event and shows a client's history to its team. Publishers describe their own
 * events, so the log knows none of the modules it records.
 * <p>
 * Entries are written in the same transaction as the change they describe: a change is never saved without its
 * audit entry, and an entry never describes a change that was rolled back.
 */
@Service
public class AuditLog {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

    private final AuditEntryRepository entries;
    private final TeamAccess teams;
    private final ObjectMapper json;

    AuditLog(AuditEntryRepository entries, TeamAccess teams, ObjectMapper json) {
        this.entries = entries;
        this.teams = teams;
        this.json = json;
    }

    @EventListener
    void on(Audited event) {
        entries.save(new AuditEntry(
                event.clientId(),
                event.teamId(),
                event.auditAction(),
                event.actorSubject(),
                event.actorName(),
                event.at(),
                json.writeValueAsString(event.auditChanges())));
    }

    /** The client's history, newest first, for members of its team. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOf(UUID clientId) {
        List<AuditEntry> found = entries.findByClientIdOrderByOccurredAtDesc(clientId);
        if (found.isEmpty()) {
            return List.of();
        }
        teams.requireMember(found.getFirst().teamId());
        return found.stream()
                .map(entry -> new HistoryEntry(
                        entry.action(),
                        entry.actorName(),
                        entry.occurredAt(),
                        json.readValue(entry.changes(), CHANGES)))
                .toList();
    }
}
