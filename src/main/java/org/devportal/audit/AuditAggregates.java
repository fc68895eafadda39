package org.devportal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.Excerpt;
import org.devportal.base.FieldChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts repeated events (see {@link Audited#aggregationWindow()}): one row per client, action, actor and window,
 * written by one upsert, so a flood of refusals costs one row and concurrent ones never lose a count.
 */
@Component
class AuditAggregates {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditAggregates(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void count(Audited event, Duration window) {
        Instant windowStart = windowStart(event.at(), window);
        List<FieldChange> changes = event.auditChanges().stream()
                .map(change -> new FieldChange(
                        Excerpt.of(change.field(), Excerpt.SHORT),
                        Excerpt.of(change.oldValue(), Excerpt.SHORT),
                        Excerpt.of(change.newValue(), Excerpt.SHORT)))
                .toList();
        jdbc.sql("""
                        insert into audit_aggregate (id, client_id, team_id, action, actor_subject, actor_name,
                            window_start, first_at, last_at, occurrences, changes, secret_id)
                        values (:id, :client, :team, :action, :subject, :name, :window, :at, :at, 1, :changes, :secret)
                        on duplicate key update
                            changes = if(values(last_at) >= last_at, values(changes), changes),
                            first_at = least(first_at, values(first_at)),
                            last_at = greatest(last_at, values(last_at)),
                            occurrences = occurrences + 1
                        """)
                .param("id", key(event, windowStart).toString())
                .param("client", event.clientId().toString())
                .param("team", event.teamId().toString())
                .param("action", event.auditAction())
                .param("subject", event.actorSubject())
                .param("name", event.actorName())
                .param("window", utc(windowStart))
                .param("at", utc(event.at()))
                .param("changes", json.writeValueAsString(changes))
                .param("secret", event.secretId().map(UUID::toString).orElse(null))
                .update();
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
}
