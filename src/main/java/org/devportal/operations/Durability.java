package org.devportal.operations;

import java.util.Optional;

/**
 * Whether the database server's settings can lose committed transactions, such as a grant the client already
 * holds tokens for. {@code innodb_flush_log_at_trx_commit} other than 1 writes the log to disk only about once a
 * second, so a crash of the server (not only of MariaDB) loses up to a second of commits.
 */
final class Durability {

    private Durability() {}

    /** A warning for the log, or empty when every commit is flushed to disk. */
    static Optional<String> warning(String flushLogAtTrxCommit) {
        if (flushLogAtTrxCommit == null || "1".equals(flushLogAtTrxCommit.strip())) {
            return Optional.empty();
        }
        return Optional.of("The database has innodb_flush_log_at_trx_commit=" + flushLogAtTrxCommit.strip()
                + ": a crash of its server can lose up to a second of committed transactions, including grants and "
                + "refresh-token rotations that clients already hold the tokens of. Set it to 1 (the MariaDB default) "
                + "unless a Galera cluster, which keeps every commit on more than one node, is accepted as the "
                + "durability instead.");
    }
}
