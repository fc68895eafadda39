package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that runs only in transactions gets connections whose autocommit is already off; everything else keeps
 * autocommit on, and both commit and roll back as they should.
 */
class TransactionConnectionsIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void connections_for_work_in_transactions_only_come_with_autocommit_off_and_others_with_it_on() throws Exception {
        assertThat(dataSource).isInstanceOf(TransactionConnections.class);
        try (Connection usual = dataSource.getConnection()) {
            assertThat(usual.getAutoCommit()).isTrue();
        }
        boolean autocommit = TransactionConnections.inTransactionsOnly(() -> {
            try (Connection transactional = dataSource.getConnection()) {
                return transactional.getAutoCommit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(autocommit).isFalse();
    }

    @Test
    void a_transaction_on_such_a_connection_commits_or_rolls_back_and_leaves_the_pool_clean() {
        String committed = "committed-" + UUID.randomUUID();
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        for (int i = 0; i < 20; i++) {
            TransactionConnections.inTransactionsOnly(() -> transaction.execute(status -> {
                insert(rolledBack);
                status.setRollbackOnly();
                return null;
            }));
        }
        TransactionConnections.inTransactionsOnly(() -> transaction.execute(status -> insert(committed)));

        assertThat(count(committed)).isEqualTo(1);
        assertThat(count(rolledBack)).isZero();
    }

    private int insert(String key) {
        return jdbc.update(
                "insert into shedlock (name, lock_until, locked_at, locked_by) values (?, now(), now(), 'test')", key);
    }

    private int count(String key) {
        return jdbc.queryForObject("select count(*) from shedlock where name = ?", Integer.class, key);
    }
}
