package org.devportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.FieldChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a client's history a page at a time: single entries ({@code audit_entry}) and counted ones
 * ({@code audit_aggregate}, placed at their last occurrence) in one order, newest first.
 */
@Component
class HistoryRows {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HistoryRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The team whose members may read the client's history; empty when it has none yet. */
    Optional<UUID> teamOf(UUID clientId) {
        return jdbc.sql("""
                        (select team_id from audit_entry where client_id = :client limit 1)
                        union all
                        (select team_id from audit_aggregate where client_id = :client limit 1)
                        limit 1
                        """)
                .param("client", clientId.toString())
                .query((rs, row) -> UUID.fromString(rs.getString(1)))
                .optional();
    }

    long count(UUID clientId) {
        return jdbc.sql("""
                        select (select count(*) from audit_entry where client_id = :client)
                             + (select count(*) from audit_aggregate where client_id = :client)
                        """)
                .param("client", clientId.toString())
                .query(Long.class)
                .single();
    }

    /**
     * Entries {@code offset} to {@code offset + limit - 1}, newest first. Each table gives at most
     * {@code offset + limit} rows from its index before the two are merged, so a page near the top reads only that.
     */
    List<HistoryEntry> page(UUID clientId, long offset, int limit) {
        return jdbc.sql("""
                        (select id, action, actor_name, occurred_at as at, changes, 1 as occurrences, null as first_at
                            from audit_entry where client_id = :client
                            order by occurred_at desc, id desc limit :reach)
                        union all
                        (select id, action, actor_name, last_at, changes, occurrences, first_at
                            from audit_aggregate where client_id = :client
                            order by last_at desc, id desc limit :reach)
                        order by at desc, id desc
                        limit :limit offset :offset
                        """)
                .param("client", clientId.toString())
                .param("reach", offset + limit)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::entry)
                .list();
    }

    private HistoryEntry entry(ResultSet rs, int row) throws SQLException {
        LocalDateTime firstAt = rs.getObject("first_at", LocalDateTime.class);
        return new HistoryEntry(
                rs.getString("action"),
                rs.getString("actor_name"),
                rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                json.readValue(rs.getString("changes"), CHANGES),
                rs.getInt("occurrences"),
                firstAt == null ? null : firstAt.toInstant(ZoneOffset.UTC));
    }
}
