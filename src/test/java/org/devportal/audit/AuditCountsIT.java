package org.devportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counted events are gathered in memory and written a moment later: only what committed is counted, writes add to
 * the row, and counts the database refuses wait for the next write.
 */
class AuditCountsIT extends IntegrationTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    AuditAggregates aggregates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final UUID client = UUID.randomUUID();
    private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @Test
    void counts_are_written_by_the_next_flush_and_later_flushes_add_to_the_same_row() {
        aggregates.count(new Refused(client, hour.plusSeconds(5), "first"), HOUR);
        aggregates.count(new Refused(client, hour.plusSeconds(9), "last"), HOUR);
        aggregates.count(new Refused(client, hour.plusSeconds(7), "between"), HOUR);

        aggregates.flush();
        assertThat(row()).containsEntry("occurrences", 3L);
        assertThat((String) row().get("changes")).contains("last").doesNotContain("between");

        aggregates.count(new Refused(client, hour.plusSeconds(2), "earliest"), HOUR);
        aggregates.flush();

        Map<String, Object> row = row();
        assertThat(row).containsEntry("occurrences", 4L);
        assertThat(row.get("first_at").toString())
                .startsWith(AuditAggregates.utc(hour.plusSeconds(2)).toString());
        assertThat((String) row.get("changes")).as("the latest event's").contains("last");
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_counted_and_a_committed_one_only_after_its_commit() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            aggregates.count(new Refused(client, hour.plusSeconds(1), "rolled back"), HOUR);
            status.setRollbackOnly();
        });
        aggregates.flush();
        assertThat(rows()).isEmpty();

        transaction.executeWithoutResult(status -> {
            aggregates.count(new Refused(client, hour.plusSeconds(2), "committed"), HOUR);
            aggregates.flush();
            assertThat(rows()).as("not before the commit").isEmpty();
        });
        aggregates.flush();
        assertThat(row()).containsEntry("occurrences", 1L);
    }

    @Test
    void counts_the_database_refuses_are_kept_for_the_next_write() {
        String away = "audit_aggregate_away_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("rename table audit_aggregate to " + away);
        try {
            aggregates.count(new Refused(client, hour.plusSeconds(1), "kept"), HOUR);
            aggregates.flush();
        } finally {
            jdbc.execute("rename table " + away + " to audit_aggregate");
        }

        aggregates.count(new Refused(client, hour.plusSeconds(2), "kept"), HOUR);
        aggregates.flush();

        assertThat(row()).containsEntry("occurrences", 2L);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList(
                "select occurrences, first_at, last_at, changes from audit_aggregate where client_id = ?",
                client.toString());
    }

    private Map<String, Object> row() {
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        return Map.of(
                "occurrences", ((Number) row.get("occurrences")).longValue(),
                "first_at", ((Timestamp) row.get("first_at")).toLocalDateTime(),
                "changes", row.get("changes"));
    }

    private record Refused(UUID clientId, Instant at, String reason) implements Audited {

        @Override
        public UUID teamId() {
            return clientId;
        }

        @Override
        public String auditAction() {
            return "Token request refused";
        }

        @Override
        public String actorSubject() {
            return "client:" + clientId;
        }

        @Override
        public String actorName() {
            return "Client " + clientId;
        }

        @Override
        public List<FieldChange> auditChanges() {
            return List.of(new FieldChange("Reason", null, reason));
        }

        @Override
        public Optional<Duration> aggregationWindow() {
            return Optional.of(HOUR);
        }
    }
}
