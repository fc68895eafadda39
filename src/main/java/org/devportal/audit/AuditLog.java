package org.devportal.audit;

import java.util.List;
import java.util.UUID;
import org.devportal.authserver.GrantRecorded;
import org.devportal.authserver.Issuer;
import org.devportal.clients.ClientChanged;
import org.devportal.clients.FieldChange;
import org.devportal.credentials.CredentialChanged;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.teams.TeamService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Records client events and shows a client's history to its team.
 * <p>
 * Entries are written in the same transaction as the change they describe: a change is never saved without its
 * audit entry, and an entry never describes a change that was rolled back.
 */
@Service
public class AuditLog {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

    private final AuditEntryRepository entries;
    private final TeamService teams;
    private final ObjectMapper json;

    AuditLog(AuditEntryRepository entries, TeamService teams, ObjectMapper json) {
        this.entries = entries;
        this.teams = teams;
        this.json = json;
    }

    @EventListener
    void on(ClientChanged event) {
        entries.save(new AuditEntry(
                event.clientId(),
                event.teamId(),
                event.action().label(),
                event.actorSubject(),
                event.actorName(),
                event.at(),
                json.writeValueAsString(event.changes())));
    }

    @EventListener
    void on(CredentialChanged event) {
        String environment =
                event.environment() == SecretEnvironment.PRODUCTION ? "Production secret" : "Sandbox secret";
        List<FieldChange> changes = new java.util.ArrayList<>();
        switch (event.action()) {
            case ISSUED -> changes.add(new FieldChange(environment, null, event.secretHint()));
            case ROTATED -> changes.add(new FieldChange(environment, event.previousSecretHint(), event.secretHint()));
            case REVOKED, EXPIRED -> changes.add(new FieldChange(environment, event.secretHint(), null));
        }
        if (event.detail() != null) {
            changes.add(new FieldChange("Note", null, event.detail()));
        }
        entries.save(new AuditEntry(
                event.clientId(),
                event.teamId(),
                event.action().label(),
                event.actorSubject(),
                event.actorName(),
                event.at(),
                json.writeValueAsString(changes)));
    }

    @EventListener
    void on(GrantRecorded event) {
        List<FieldChange> changes = new java.util.ArrayList<>();
        changes.add(new FieldChange("Issuer", null, event.issuer() == Issuer.PRODUCTION ? "Production" : "Sandbox"));
        if (event.scopes() != null) {
            changes.add(new FieldChange("Scopes", null, event.scopes()));
        }
        if (event.detail() != null) {
            changes.add(new FieldChange("Reason", null, event.detail()));
        }
        entries.save(new AuditEntry(
                event.clientId(),
                event.teamId(),
                event.action().label(),
                event.actorSubject(),
                event.actorName(),
                event.at(),
                json.writeValueAsString(changes)));
    }

    /** The client's history, newest first, for members of its team. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOf(UUID clientId) {
        List<AuditEntry> found = entries.findByClientIdOrderByOccurredAtDesc(clientId);
        if (found.isEmpty()) {
            return List.of();
        }
        teams.requireMembership(found.getFirst().teamId());
        return found.stream()
                .map(entry -> new HistoryEntry(
                        entry.action(),
                        entry.actorName(),
                        entry.occurredAt(),
                        json.readValue(entry.changes(), CHANGES)))
                .toList();
    }
}
