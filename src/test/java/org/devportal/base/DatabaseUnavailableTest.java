package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

    @Test
    void no_connection_from_the_pool_means_the_database_is_unavailable() {
        var failure = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("embedded-mariadb - Connection is not available"));

        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("view", failure)))
                .isTrue();
    }

    @Test
    void a_bug_or_a_constraint_is_not_an_outage() {
        assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new NullPointerException())).isFalse();
    }

    @Test
    void the_message_says_nothing_was_saved_and_the_entries_are_kept() {
        assertThat(DatabaseUnavailable.MESSAGE).contains("nothing was saved", "still here", "try again");
    }
}
