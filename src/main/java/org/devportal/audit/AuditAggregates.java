package org.devportal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.devportal.base.Audited;
import org.devportal.base.Excerpt;
import org.devportal.base.FieldChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts repeated events (see {@link Audited#aggregationWindow()}): one row per client, action, actor, secret and
 * window.
 * <p>
 * Counts are gathered in memory and written in batches, one upsert per row that changed, every
 * {@code portal.audit.count-interval} (a second by default) and when the portal stops. A count is added only once
 * the transaction that caused it has committed, so it never counts a grant or refusal that was rolled back. Writing
 * each count in its own request's transaction made every refresh of one end user's grants update the same row:
 * concurrent grants then waited for each other's row lock through every commit, and each cost a write of its own.
 * The price is that the history runs up to one interval behind, and a node that dies loses at most one interval of
 * counts (never a grant). Nodes add their own counts to the same rows ({@code occurrences = occurrences + n}), so
 * no node's count overwrites another's.
 */
@Component
class AuditAggregates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditAggregates.class);

    /**
     * Rows waiting for their write that a node keeps at most while the database refuses them; counts beyond it are
     * dropped (and logged), so an unreachable database cannot fill the heap.
     */
    static final int MAX_PENDING = 50_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate writes;
    private final ObjectMapper json;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    /** Counts dropped since the last write, logged once per write rather than once each. */
    private final LongAdder dropped = new LongAdder();

    AuditAggregates(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** Counts the event once the current transaction commits, or at once when there is none. */
    void count(Audited event, Duration window) {
        Instant windowStart = windowStart(event.at(), window);
        List<FieldChange> changes = event.auditChanges().stream()
                .map(change -> new FieldChange(
                        Excerpt.of(change.field(), Excerpt.SHORT),
                        Excerpt.of(change.oldValue(), Excerpt.SHORT),
                        Excerpt.of(change.newValue(), Excerpt.SHORT)))
                .toList();
        Pending occurrence = new Pending(event, windowStart, changes);
        UUID key = key(event, windowStart);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    add(key, occurrence);
                }
            });
        } else {
            add(key, occurrence);
        }
    }

    private void add(UUID key, Pending occurrence) {
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            dropped.increment();
            return;
        }
        pending.merge(key, occurrence, Pending::plus);
    }

    /**
     * Writes the counts gathered since the last write, in a transaction of their own. Counts the database refuses
     * are kept for the next write.
     */
    @Scheduled(
            fixedDelayString = "${portal.audit.count-interval:PT1S}",
            initialDelayString = "${portal.audit.count-interval:PT1S}")
    public void flush() {
        long lost = dropped.sumThenReset();
        if (lost > 0) {
            log.warn(
                    "Dropped {} counted audit events: {} counted rows were waiting for the database",
                    lost,
                    MAX_PENDING);
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<UUID, Pending> taken = new HashMap<>();
        for (UUID key : List.copyOf(pending.keySet())) {
            Pending counted = pending.remove(key);
            if (counted != null) {
                taken.put(key, counted);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> rows = new ArrayList<>(taken.size());
        taken.forEach((key, counted) -> rows.add(counted.row(key, json)));
        try {
            writes.executeWithoutResult(status -> jdbc.batchUpdate("""
                    insert into audit_aggregate (id, client_id, team_id, action, actor_subject, actor_name,
                        window_start, first_at, last_at, occurrences, changes, secret_id)
                    values (:id, :client, :team, :action, :subject, :name, :window, :first, :last, :occurrences,
                        :changes, :secret)
                    on duplicate key update
                        changes = if(values(last_at) >= last_at, values(changes), changes),
                        first_at = least(first_at, values(first_at)),
                        last_at = greatest(last_at, values(last_at)),
                        occurrences = occurrences + values(occurrences)
                    """, rows.toArray(MapSqlParameterSource[]::new)));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not write {} counted audit rows; they are kept for the next attempt: {}",
                    taken.size(),
                    e.getMessage());
            taken.forEach(this::add);
        }
    }

    /** Writes what is left before the portal stops. */
    @Override
    public void destroy() {
        flush();
    }

    /** Windows start at whole multiples of their length since the epoch: 10:00, 11:00 ... for an hour. */
    static Instant windowStart(Instant at, Duration window) {
        long length = window.toMillis();
        if (length < 1) {
            throw new IllegalArgumentException("An aggregation window lasts at least a millisecond");
        }
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
    }

    /** Requests authenticated with different secrets are counted apart, so that each secret's use can be read. */
    private static UUID key(Audited event, Instant windowStart) {
        String key = event.clientId() + "\n" + event.auditAction() + "\n" + event.actorSubject() + "\n"
                + windowStart.toEpochMilli()
                + event.secretId().map(secret -> "\n" + secret).orElse("");
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Occurrences of one row not written yet: the first and last time, how many, and the last one's changes. */
    private record Pending(
            UUID clientId,
            UUID teamId,
            String action,
            String subject,
            String name,
            Instant windowStart,
            Instant first,
            Instant last,
            long occurrences,
            List<FieldChange> changes,
            UUID secretId) {

        Pending(Audited event, Instant windowStart, List<FieldChange> changes) {
            this(
                    event.clientId(),
                    event.teamId(),
                    event.auditAction(),
                    event.actorSubject(),
                    event.actorName(),
                    windowStart,
                    event.at(),
                    event.at(),
                    1,
                    changes,
                    event.secretId().orElse(null));
        }

        Pending plus(Pending later) {
            boolean newer = !later.last.isBefore(last);
            return new Pending(
                    clientId,
                    teamId,
                    action,
                    subject,
                    newer ? later.name : name,
                    windowStart,
                    first.isBefore(later.first) ? first : later.first,
                    newer ? later.last : last,
                    occurrences + later.occurrences,
                    newer ? later.changes : changes,
                    secretId);
        }

        MapSqlParameterSource row(UUID key, ObjectMapper json) {
            return new MapSqlParameterSource()
                    .addValue("id", key.toString())
                    .addValue("client", clientId.toString())
                    .addValue("team", teamId.toString())
                    .addValue("action", action)
                    .addValue("subject", subject)
                    .addValue("name", name)
                    .addValue("window", utc(windowStart))
                    .addValue("first", utc(first))
                    .addValue("last", utc(last))
                    .addValue("occurrences", occurrences)
                    .addValue("changes", json.writeValueAsString(changes))
                    .addValue("secret", secretId == null ? null : secretId.toString());
        }
    }
}
