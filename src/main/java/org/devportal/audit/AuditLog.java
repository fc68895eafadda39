package org.devportal.audit;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.TeamAccess;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every {@link Audited} event and shows a client's history to its team, a page at a time. Publishers
 * describe their own events, so the log knows none of the modules it records.
 * <p>
 * Entries are written in the same transaction as the change they describe: a change is never saved without its
 * audit entry, and an entry never describes a change that was rolled back. Events that ask for it
 * ({@link Audited#aggregationWindow()}) are counted instead: one entry per client, action, actor and window, written
 * within a second of the commit rather than in it ({@link AuditAggregates}).
 */
@Service
public class AuditLog {

    /** How many entries {@link #historyOf(UUID)} returns. */
    public static final int RECENT = 100;

    private final AuditEntryRepository entries;
    private final AuditAggregates aggregates;
    private final HistoryRows history;
    private final TeamAccess teams;
    private final ObjectMapper json;

    AuditLog(
            AuditEntryRepository entries,
            AuditAggregates aggregates,
            HistoryRows history,
            TeamAccess teams,
            ObjectMapper json) {
        this.entries = entries;
        this.aggregates = aggregates;
        this.history = history;
        this.teams = teams;
        this.json = json;
    }

    @EventListener
    void on(Audited event) {
        // Counted rows are keyed by client; an event without one is recorded on its own.
        if (event.aggregationWindow().isPresent() && event.clientId() != null) {
            aggregates.count(event, event.aggregationWindow().get());
            return;
        }
        entries.save(new AuditEntry(
                event.clientId(),
                event.teamId(),
                event.auditAction(),
                event.actorSubject(),
                event.actorName(),
                event.at(),
                json.writeValueAsString(event.auditChanges()),
                event.secretId().orElse(null)));
    }

    /**
     * Writes the counted events this node has gathered and not written yet. They are written every
     * {@code portal.audit.count-interval} anyway; this is for a caller that must read them at once.
     */
    public void flushCounts() {
        aggregates.flush();
    }

    /** One page of the client's history, newest first, for members of its team. */
    @Transactional(readOnly = true)
    public Page<HistoryEntry> historyOf(UUID clientId, Pageable page) {
        var team = history.teamOf(clientId);
        if (team.isEmpty()) {
            return Page.empty(page);
        }
        teams.requireMember(team.get());
        if (page.isUnpaged()) {
            throw new IllegalArgumentException("A client's history is read a page at a time");
        }
        List<HistoryEntry> found = history.page(clientId, page.getOffset(), page.getPageSize());
        return new PageImpl<>(found, page, history.count(clientId));
    }

    /** The newest {@value #RECENT} entries of the client's history, for members of its team. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOf(UUID clientId) {
        return historyOf(clientId, PageRequest.of(0, RECENT)).getContent();
    }

    /** How many entries the client's history has, for members of its team. */
    @Transactional(readOnly = true)
    public long historySize(UUID clientId) {
        var team = history.teamOf(clientId);
        if (team.isEmpty()) {
            return 0;
        }
        teams.requireMember(team.get());
        return history.count(clientId);
    }
}
