package org.devportal.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MariaDB ({@code portal.embedded-db.*}).
 *
 * @param directory where the server's binaries and data live; data persists there between runs
 * @param port the port to listen on; 0 picks a free one
 * @param databaseName the schema the portal uses
 */
@ConfigurationProperties("portal.embedded-db")
public record EmbeddedMariaDbProperties(Path directory, int port, String databaseName) {

    public EmbeddedMariaDbProperties {
        if (directory == null) {
            directory = Path.of("target", "mariadb");
        }
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "portal";
        }
    }
}
