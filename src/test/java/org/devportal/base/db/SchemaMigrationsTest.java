package org.devportal.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import liquibase.exception.CommandExecutionException;
import liquibase.exception.LockException;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void a_migration_table_created_by_another_node_a_moment_ago_is_a_race() {
        assertThat(SchemaMigrations.StartupMigrations.racedAnotherNode(
                        new CommandExecutionException(new RuntimeException(new SQLSyntaxErrorException(
                                "Table 'DATABASECHANGELOG' already exists", "42S01", 1050)))))
                .isTrue();
    }

    @Test
    void a_lock_row_inserted_or_a_write_aborted_by_another_node_is_a_race() {
        assertThat(SchemaMigrations.StartupMigrations.racedAnotherNode(
                        new LockException(new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062))))
                .isTrue();
        assertThat(SchemaMigrations.StartupMigrations.racedAnotherNode(
                        new LockException(new SQLException("WSREP detected deadlock/conflict", "40001", 1213))))
                .isTrue();
    }

    @Test
    void a_failing_migration_is_not_a_race() {
        assertThat(SchemaMigrations.StartupMigrations.racedAnotherNode(new CommandExecutionException(
                        new SQLSyntaxErrorException("You have an error in your SQL syntax", "42000", 1064))))
                .isFalse();
        assertThat(SchemaMigrations.StartupMigrations.racedAnotherNode(
                        new LockException("Could not acquire change log lock")))
                .isFalse();
    }
}
