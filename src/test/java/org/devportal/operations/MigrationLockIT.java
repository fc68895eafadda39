package org.devportal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import javax.sql.DataSource;
import liquibase.exception.LockException;
import liquibase.integration.spring.SpringLiquibase;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A migration lock left behind by a node that died: the migration the portal runs at start-up refuses to go on,
 * the start-up report names the recovery step, and that step lets the migration run again.
 */
class MigrationLockIT extends IntegrationTest {

    /** Liquibase waits this long for the lock; 5 minutes by default, none here. */
    private static final String LOCK_WAIT = "liquibase.changelogLockWaitTimeInMinutes";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_stale_migration_lock_stops_the_migration_and_the_report_names_the_step_that_releases_it() throws Exception {
        jdbc.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = NOW(), "
                + "LOCKEDBY = 'portal-node-that-died (10.0.0.9)' WHERE ID = 1");
        String previousWait = System.setProperty(LOCK_WAIT, "0");
        try {
            Throwable failure = catchThrowable(() -> migration().afterPropertiesSet());

            assertThat(failure).hasRootCauseInstanceOf(LockException.class);
            FailureAnalysis report = new MigrationLockFailureAnalyzer().analyze(failure);
            assertThat(report).isNotNull();
            assertThat(report.getDescription()).contains("migration lock is held", "portal-node-that-died");
            assertThat(report.getAction())
                    .contains("liquibase releaseLocks")
                    .contains(MigrationLockFailureAnalyzer.RELEASE_SQL);

            jdbc.update(MigrationLockFailureAnalyzer.RELEASE_SQL);
            migration().afterPropertiesSet();
            assertThat(jdbc.queryForObject("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1", Integer.class))
                    .isZero();
        } finally {
            jdbc.update(MigrationLockFailureAnalyzer.RELEASE_SQL);
            if (previousWait == null) {
                System.clearProperty(LOCK_WAIT);
            } else {
                System.setProperty(LOCK_WAIT, previousWait);
            }
        }
    }

    /** A migration with a change set to apply, run as Spring Boot runs the portal's at start-up. */
    private SpringLiquibase migration() {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/migration-lock-test.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }
}
