package org.devportal.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** At start-up, reads the server's durability setting and warns when it can lose committed grants. */
@Component
class DurabilityCheck {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    private final JdbcTemplate jdbc;

    DurabilityCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        warning().ifPresent(log::warn);
    }

    /** The warning for the connected server, if any; empty also when the setting cannot be read. */
    java.util.Optional<String> warning() {
        try {
            return Durability.warning(
                    jdbc.queryForObject("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit", String.class));
        } catch (DataAccessException e) {
            log.info("Could not read innodb_flush_log_at_trx_commit: {}", e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
