package org.devportal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.base.SecretUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts each secret's use from the rows its requests wrote: the hourly counts (refreshes, refused token requests)
 * and the entries of their own (code exchanges, revocations). Reads by the secret indexes, at most a week back.
 */
@Component
class SecretUsageCounts implements SecretUsage {

    private final JdbcClient jdbc;

    SecretUsageCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Counts> of(Collection<UUID> secretIds, Instant now) {
        Map<UUID, Counts> counts = new HashMap<>();
        if (secretIds.isEmpty()) {
            return counts;
        }
        List<String> ids = secretIds.stream().map(UUID::toString).toList();
        LocalDateTime hour = AuditAggregates.utc(Counts.since(now, Counts.HOUR));
        LocalDateTime day = AuditAggregates.utc(Counts.since(now, Counts.DAY));
        LocalDateTime week = AuditAggregates.utc(Counts.since(now, Counts.WEEK));
        jdbc.sql("""
                        select secret_id, action, window_start as at_or_window, last_at, occurrences
                        from audit_aggregate where secret_id in (:ids) and window_start >= :week
                        union all
                        select secret_id, action, occurred_at, occurred_at, 1
                        from audit_entry where secret_id in (:ids) and occurred_at >= :week
                        """)
                .param("ids", ids)
                .param("week", week)
                .query((rs, row) -> {
                    UUID secret = UUID.fromString(rs.getString(1));
                    LocalDateTime start = rs.getObject(3, LocalDateTime.class);
                    Instant last = rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    long occurrences = rs.getLong(5);
                    Counts one = new Counts(
                            start.isBefore(hour) ? 0 : occurrences,
                            start.isBefore(day) ? 0 : occurrences,
                            occurrences,
                            last,
                            rs.getString(2));
                    counts.merge(secret, one, SecretUsageCounts::add);
                    return secret;
                })
                .list();
        return counts;
    }

    private static Counts add(Counts a, Counts b) {
        boolean bNewer = a.lastAt() == null || (b.lastAt() != null && b.lastAt().isAfter(a.lastAt()));
        return new Counts(
                a.lastHour() + b.lastHour(),
                a.lastDay() + b.lastDay(),
                a.lastWeek() + b.lastWeek(),
                bNewer ? b.lastAt() : a.lastAt(),
                bNewer ? b.lastAction() : a.lastAction());
    }
}
