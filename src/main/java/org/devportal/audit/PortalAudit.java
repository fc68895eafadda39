package org.devportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.FieldChange;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ProductionClient;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole audit log for administrators, filtered and a page at a time, newest first: single entries and counted
 * ones in one order, as in a client's history. Every method requires the administrator role; anyone else gets
 * access denied, whatever page they found.
 *
 * <p>Each filter has an index that ends with the time ({@code 0065-audit-portal-wide}), and each table gives at most
 * {@code offset + limit} rows from it before the two are merged, so a page near the top reads little.
 */
@Service
public class PortalAudit {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

    /** The most rows one request may read; the grid asks for a page of 50. */
    public static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CurrentUser currentUser;
    private final TeamService teams;
    private final ClientDirectory clients;

    PortalAudit(
            JdbcClient jdbc, ObjectMapper json, CurrentUser currentUser, TeamService teams, ClientDirectory clients) {
        this.jdbc = jdbc;
        this.json = json;
        this.currentUser = currentUser;
        this.teams = teams;
        this.clients = clients;
    }

    /** Every team, by id, for the team filter and the team column. */
    @Transactional(readOnly = true)
    public Map<UUID, String> teams() {
        currentUser.requireRole(Role.ADMIN);
        return teams.teamNamesForAdministrators();
    }

    /**
     * The client with this sandbox or production client ID, as administrators type it into the client filter;
     * empty when there is none or the text is no client ID.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> clientByClientId(String clientId) {
        currentUser.requireRole(Role.ADMIN);
        UUID id;
        try {
            id = UUID.fromString(clientId == null ? "" : clientId.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return clients.bySandboxClientId(id)
                .map(ClientDetails::id)
                .or(() -> clients.byProductionClientId(id).map(ProductionClient::id));
    }

    /** Entries {@code offset} to {@code offset + limit - 1} that match the filter, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> search(AuditFilter filter, long offset, int limit) {
        currentUser.requireRole(Role.ADMIN);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Read the audit log a page of 1 to " + MAX_LIMIT + " entries at a time");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String entries = where(filter, "occurred_at", params);
        String counted = where(filter, "last_at", params);
        params.put("reach", offset + limit);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                        (select id, team_id, client_id, action, actor_name, occurred_at as at, changes,
                                1 as occurrences, null as first_at
                            from audit_entry %s
                            order by occurred_at desc, id desc limit :reach)
                        union all
                        (select id, team_id, client_id, action, actor_name, last_at, changes, occurrences, first_at
                            from audit_aggregate %s
                            order by last_at desc, id desc limit :reach)
                        order by at desc, id desc
                        limit :limit offset :offset
                        """.formatted(entries, counted))
                .params(params)
                .query(this::record)
                .list();
    }

    /** How many entries match the filter. */
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        currentUser.requireRole(Role.ADMIN);
        Map<String, Object> params = new LinkedHashMap<>();
        String entries = where(filter, "occurred_at", params);
        String counted = where(filter, "last_at", params);
        return jdbc.sql("select (select count(*) from audit_entry %s) + (select count(*) from audit_aggregate %s)"
                        .formatted(entries, counted))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every action the log holds, for the action filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        currentUser.requireRole(Role.ADMIN);
        return jdbc.sql("""
                        select action from audit_entry union select action from audit_aggregate order by action
                        """).query(String.class).list();
    }

    /** The filter as SQL on one table, with its values as named parameters; never a value in the SQL itself. */
    private static String where(AuditFilter filter, String time, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.teamId() != null) {
            conditions.add("team_id = :team");
            params.put("team", filter.teamId().toString());
        }
        if (filter.clientId() != null) {
            conditions.add("client_id = :client");
            params.put("client", filter.clientId().toString());
        }
        if (filter.actor() != null) {
            conditions.add("actor_name like :actor escape '!'");
            params.put("actor", escapeLike(filter.actor()) + "%");
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            conditions.add(time + " >= :from");
            params.put("from", LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add(time + " < :to");
            params.put("to", LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private AuditRecord record(ResultSet rs, int row) throws SQLException {
        LocalDateTime firstAt = rs.getObject("first_at", LocalDateTime.class);
        String team = rs.getString("team_id");
        String client = rs.getString("client_id");
        return new AuditRecord(
                team == null ? null : UUID.fromString(team),
                client == null ? null : UUID.fromString(client),
                new HistoryEntry(
                        rs.getString("action"),
                        rs.getString("actor_name"),
                        rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        json.readValue(rs.getString("changes"), CHANGES),
                        rs.getInt("occurrences"),
                        firstAt == null ? null : firstAt.toInstant(ZoneOffset.UTC)));
    }
}
