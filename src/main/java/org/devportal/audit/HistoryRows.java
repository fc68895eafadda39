package org.devportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devportal.base.FieldChange;
import org.devportal.base.SecretNames;
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
    private final SecretNames secretNames;

    HistoryRows(JdbcClient jdbc, ObjectMapper json, SecretNames secretNames) {
        this.jdbc = jdbc;
        this.json = json;
        this.secretNames = secretNames;
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
     * Rows of requests a secret authenticated name it, as the credentials module names it.
     */
    List<HistoryEntry> page(UUID clientId, long offset, int limit) {
        List<Row> rows = jdbc.sql("""
                        (select id, action, actor_name, occurred_at as at, changes, 1 as occurrences, null as first_at,
                                secret_id
                            from audit_entry where client_id = :client
                            order by occurred_at desc, id desc limit :reach)
                        union all
                        (select id, action, actor_name, last_at, changes, occurrences, first_at, secret_id
                            from audit_aggregate where client_id = :client
                            order by last_at desc, id desc limit :reach)
                        order by at desc, id desc
                        limit :limit offset :offset
                        """)
                .param("client", clientId.toString())
                .param("reach", offset + limit)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
        Set<UUID> secrets =
                rows.stream().map(Row::secretId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> names = secrets.isEmpty() ? Map.of() : secretNames.of(secrets);
        return rows.stream()
                .map(row -> row.secretId() == null ? row.entry() : row.entry().withSecret(names.get(row.secretId())))
                .toList();
    }

    private record Row(HistoryEntry entry, UUID secretId) {}

    private Row row(ResultSet rs, int row) throws SQLException {
        LocalDateTime firstAt = rs.getObject("first_at", LocalDateTime.class);
        String secretId = rs.getString("secret_id");
        return new Row(
                new HistoryEntry(
                        rs.getString("action"),
                        rs.getString("actor_name"),
                        rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        json.readValue(rs.getString("changes"), CHANGES),
                        rs.getInt("occurrences"),
                        firstAt == null ? null : firstAt.toInstant(ZoneOffset.UTC)),
                secretId == null ? null : UUID.fromString(secretId));
    }
}
