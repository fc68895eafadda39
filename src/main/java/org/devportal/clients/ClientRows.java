package org.devportal.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.devportal.clients.redirecturi.RedirectUri;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a client for the issuers' token endpoints, which look one up on every request: one plain JDBC statement,
 * its lists gathered as JSON arrays by the database, instead of the entity. Loading the entity with its three lists
 * joined read the product of their sizes in rows, kept a managed copy and a snapshot, and dirty-checked them all at
 * the token request's commit; it was an eighth of a refresh grant's time. Nothing is cached: the row is read
 * afresh for every request, so a deleted client is unknown at once. The columns are those of {@link OAuthClient},
 * whose timestamps are stored in UTC.
 */
@Component
class ClientRows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String WHOLE = """
            select c.id, c.team_id, c.sandbox_client_id, c.name, c.client_uri, c.logo_hash, c.tos_uri, c.policy_uri,
                c.initiation_uri, c.settings_uri, c.client_type, c.pkce_required, c.pkce_exception_reason,
                c.subject_type, c.status, c.version, c.created_at, c.created_by, c.updated_at, c.updated_by,
                c.technical_changed_at, c.production_client_id, c.approved_snapshot, c.approved_at,
                c.suspended_at, c.suspended_by, c.suspension_reason,
                (select json_arrayagg(u.uri order by u.position) from oauth_client_redirect_uri u
                    where u.client_id = c.id) as redirect_uris,
                (select json_arrayagg(m.email order by m.position) from oauth_client_contact m
                    where m.client_id = c.id) as contacts,
                (select json_arrayagg(s.scope_name) from oauth_client_scope s where s.client_id = c.id) as scopes
            from oauth_client c
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final SnapshotConverter snapshots = new SnapshotConverter();

    ClientRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The client that is not deleted and has this sandbox client ID, as {@link OAuthClient#details()} gives it. */
    Optional<ClientDetails> bySandboxClientId(UUID sandboxClientId) {
        return jdbc.sql(WHOLE + " where c.sandbox_client_id = :id and c.deleted_at is null")
                .param("id", sandboxClientId.toString())
                .query(this::details)
                .optional();
    }

    private ClientDetails details(ResultSet rs, int row) throws SQLException {
        List<RedirectUri> redirectUris = strings(rs, "redirect_uris").stream()
                .map(RedirectUri::fromStorage)
                .toList();
        List<String> contacts = strings(rs, "contacts");
        ClientType clientType = ClientType.valueOf(rs.getString("client_type"));
        boolean pkceRequired = rs.getBoolean("pkce_required");
        String pkceExceptionReason = rs.getString("pkce_exception_reason");
        SubjectTypePreference subjectType = SubjectTypePreference.valueOf(rs.getString("subject_type"));
        ClientSnapshot approved = snapshots.convertToEntityAttribute(rs.getString("approved_snapshot"));
        ClientSnapshot current = new ClientSnapshot(
                rs.getString("name"),
                rs.getString("client_uri"),
                rs.getString("logo_hash"),
                rs.getString("tos_uri"),
                rs.getString("policy_uri"),
                contacts,
                rs.getString("initiation_uri"),
                rs.getString("settings_uri"),
                redirectUris,
                List.copyOf(new TreeSet<>(strings(rs, "scopes"))),
                clientType,
                pkceRequired,
                pkceExceptionReason,
                subjectType);
        Instant suspendedAt = instant(rs, "suspended_at");
        return new ClientDetails(
                uuid(rs, "id"),
                uuid(rs, "team_id"),
                uuid(rs, "sandbox_client_id"),
                current.name(),
                current.clientUri(),
                current.logoHash(),
                current.tosUri(),
                current.policyUri(),
                contacts,
                current.initiationUri(),
                current.settingsUri(),
                redirectUris,
                new LinkedHashSet<>(current.scopes()),
                clientType,
                pkceRequired,
                pkceExceptionReason,
                subjectType,
                ClientStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"),
                instant(rs, "technical_changed_at"),
                uuid(rs, "production_client_id"),
                instant(rs, "approved_at"),
                approved != null && current.differsForReview(approved),
                suspendedAt == null
                        ? null
                        : new Suspension(suspendedAt, rs.getString("suspended_by"), rs.getString("suspension_reason")));
    }

    private List<String> strings(ResultSet rs, String column) throws SQLException {
        String array = rs.getString(column);
        return array == null ? List.of() : List.copyOf(json.readValue(array, STRINGS));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
