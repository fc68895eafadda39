package org.devportal.operations;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code liquibase} in the readiness group: the schema's change log is readable and how many change sets it holds,
 * and whether a migration lock is held right now (another node migrating, or a lock left behind by a node that
 * died: see the README's "Stale migration lock"). Down when the change log cannot be read.
 */
@Component("liquibaseHealthIndicator")
class LiquibaseHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    LiquibaseHealthIndicator(JdbcTemplate jdbc) {
        super("Liquibase change log check failed");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Integer changeSets = jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class);
        Boolean locked =
                jdbc.queryForObject("SELECT COALESCE(MAX(LOCKED), 0) <> 0 FROM DATABASECHANGELOGLOCK", Boolean.class);
        builder.up().withDetail("changeSets", changeSets).withDetail("migrationLockHeld", locked);
    }
}
