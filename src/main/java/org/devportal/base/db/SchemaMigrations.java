package org.devportal.base.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.devportal.base.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Liquibase, as Spring Boot would run it, made safe for several nodes starting at the same moment on an empty
 * database. Liquibase creates its own two tables before it takes its lock, so the second node to start can find
 * that a table it was about to create now exists, or that the lock row was just inserted, or (on Galera) have its
 * write aborted by the first node's. Then nothing was migrated by that node; it waits a moment and starts again,
 * and finds the lock held or the migrations done. Every other failure stops the start-up as before.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

    @Bean
    SpringLiquibase liquibase(DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
        StartupMigrations liquibase = new StartupMigrations();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(changeLog);
        return liquibase;
    }

    static final class StartupMigrations extends SpringLiquibase {

        private static final Logger log = LoggerFactory.getLogger(StartupMigrations.class);
        static final int ATTEMPTS = 5;
        /** Table exists, duplicate key, deadlock or certification conflict. */
        private static final Set<Integer> RACE_ERRORS = Set.of(1050, 1062, 1213);

        @Override
        public void afterPropertiesSet() throws LiquibaseException {
            for (int attempt = 1; ; attempt++) {
                try {
                    super.afterPropertiesSet();
                    return;
                } catch (LiquibaseException e) {
                    if (attempt == ATTEMPTS || !racedAnotherNode(e)) {
                        throw e;
                    }
                    Duration pause =
                            Duration.ofMillis(ThreadLocalRandom.current().nextLong(500, 2_000));
                    log.info(
                            "Another node is setting up the migration tables at the same moment; trying again in {} ms",
                            pause.toMillis());
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        static boolean racedAnotherNode(Throwable failure) {
            return Causes.anyMatch(
                    failure, cause -> cause instanceof SQLException sql && RACE_ERRORS.contains(sql.getErrorCode()));
        }
    }
}
