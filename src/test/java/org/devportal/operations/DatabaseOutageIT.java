package org.devportal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import javax.sql.DataSource;
import org.devportal.audit.AuditLog;
import org.devportal.base.DatabaseUnavailable;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database failing under a save. The shared test database cannot be stopped, so the outage is played in two
 * real ways: a pool of its own pointed at a port where no server listens, and a save whose commit fails as it
 * does when the connection is lost at that moment.
 */
class DatabaseOutageIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientService clients;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_portals_pool_waits_only_a_few_seconds_for_a_connection() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(5_000);
    }

    @Test
    void with_no_server_listening_a_connection_request_ends_in_an_outage_error_at_the_pools_timeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HikariDataSource unreachable = new HikariDataSource()) {
            unreachable.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + closedPort + "/portal");
            unreachable.setUsername("root");
            unreachable.setConnectionTimeout(1_000);
            unreachable.setInitializationFailTimeout(-1);
            unreachable.addDataSourceProperty("connectTimeout", "500");

            Throwable failure = catchThrowable(unreachable::getConnection);

            assertThat(failure)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("request timed out after");
            assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
        }
    }

    @Test
    void a_save_whose_commit_fails_leaves_neither_the_change_nor_its_audit_entry() {
        var team = signInWithANewTeam("outage-" + UUID.randomUUID() + "@example.com", "Outage", Role.DEVELOPER);
        ClientDetails client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Before", "https://o.example/cb");
        int historyBefore = audit.historyOf(client.id()).size();
        int auditRowsBefore = auditRows(client.id());

        Throwable failure = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            clients.update(
                    client.id(),
                    client.version(),
                    TestClients.from(client)
                            .withName("After")
                            .withScopes("accounts:read")
                            .build());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new DataAccessResourceFailureException("Connection lost during commit");
                }
            });
        }));

        assertThat(DatabaseUnavailable.isCauseOf(failure))
                .as(String.valueOf(failure))
                .isTrue();
        assertThat(clients.get(client.id()).name()).isEqualTo("Before");
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());
        assertThat(audit.historyOf(client.id())).hasSize(historyBefore);
        assertThat(auditRows(client.id())).isEqualTo(auditRowsBefore);
    }

    private int auditRows(UUID clientId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE client_id = ?", Integer.class, clientId.toString());
    }
}
