package org.devportal.operations;

import liquibase.exception.LockException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up failed because Liquibase could not take its migration lock. Another node migrating releases it within
 * minutes; a lock that stays was left by a node that died mid-migration, and only an operator can tell the two
 * apart. The report names the recovery step, which the README's "Stale migration lock" explains.
 */
class MigrationLockFailureAnalyzer extends AbstractFailureAnalyzer<LockException> {

    static final String RELEASE_SQL =
            "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LockException cause) {
        return new FailureAnalysis(
                "The database schema migration lock is held, so the schema could not be migrated: "
                        + cause.getMessage()
                        + "\nEither another portal node is migrating right now (then it releases the lock within minutes), "
                        + "or a node stopped during a migration and left the lock behind.",
                "Make sure no other portal node is starting, then release the lock, either with the Liquibase CLI "
                        + "(`liquibase releaseLocks`) or in SQL:\n    "
                        + RELEASE_SQL
                        + ";\nand start the portal again. It re-runs only the change sets that are not yet recorded "
                        + "(see the README, \"Stale migration lock\").",
                cause);
    }
}
