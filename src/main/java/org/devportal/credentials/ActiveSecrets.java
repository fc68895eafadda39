package org.devportal.credentials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets a client may authenticate with now, read for every token request. Plain JDBC rather than the
 * entity: the check only reads them, and loading them as entities (a managed copy, a snapshot, a dirty check at
 * the commit) cost more than the query itself. The columns are those of {@link StoredSecret}, whose timestamps
 * are stored in UTC.
 */
@Component
class ActiveSecrets {

    private final JdbcClient jdbc;

    ActiveSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SecretRecord> of(UUID clientId, SecretEnvironment environment, Instant now) {
        return jdbc.sql("""
                        select id, secret_hash, display_hint, created_at, created_by, expires_at, revoked_at,
                            revoked_by, last_used_at
                        from client_secret
                        where client_id = :client and environment = :environment and revoked_at is null
                            and (expires_at is null or expires_at > :now)
                        """)
                .param("client", clientId.toString())
                .param("environment", environment.name())
                .param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, row) -> new SecretRecord(
                        new SecretId(UUID.fromString(rs.getString("id"))),
                        SecretHash.ofHex(rs.getString("secret_hash")),
                        rs.getString("display_hint"),
                        instant(rs, "created_at"),
                        rs.getString("created_by"),
                        instant(rs, "expires_at"),
                        instant(rs, "revoked_at"),
                        rs.getString("revoked_by"),
                        instant(rs, "last_used_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
