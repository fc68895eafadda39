package org.devportal.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak, as the portal's external identity provider in tests: the distribution from Maven Central that the
 * build unpacks into {@code target/keycloak} ({@code keycloak.home}), started in development mode (H2 in a file of
 * its own) on free loopback ports with a realm imported from the test resources, and stopped by {@link #close()}.
 *
 * <p>The realm file may use {@code ${NAME}} placeholders; Keycloak fills them in from the environment given to
 * {@link #start}, such as the portal's base URL for the client's redirect URI.
 */
public final class Keycloak implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Keycloak.class);

    private static final String ADMIN = "admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A cold start under load (two busy cores) has been seen to take four minutes; an idle machine needs ~30 s. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final Path logFile;
    private final String baseUrl;
    private final Duration startTime;
    private final String adminPassword;

    private Keycloak(Process process, Path logFile, String baseUrl, Duration startTime, String adminPassword) {
        this.adminPassword = adminPassword;
        this.process = process;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
        this.startTime = startTime;
    }

    /**
     * Starts Keycloak with the realm in the given test resource and waits until it is ready.
     *
     * @param realmResource a realm export on the test class path, such as {@code /keycloak/platform-realm.json}
     * @param environment values for the realm file's {@code ${NAME}} placeholders
     */
    public static Keycloak start(String realmResource, Map<String, String> environment) {
        Path home = home();
        int port = TestPorts.freePort();
        int managementPort = TestPorts.freePort();
        try {
            // Every run starts from an empty database, so the realm file is the whole truth.
            deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = Keycloak.class.getResourceAsStream(realmResource)) {
                if (realm == null) {
                    throw new IllegalArgumentException("No realm file " + realmResource + " on the class path");
                }
                Files.copy(realm, imports.resolve("realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path logFile = home.resolveSibling("keycloak-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    "/bin/sh",
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    "--import-realm",
                    "--log-level=warn"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // The master realm's administrator, created on the first start, for the few settings an import cannot make.
            String adminPassword = UUID.randomUUID().toString();
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            // A small heap keeps it beside the portal and its MariaDB on a CI machine.
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xmx384m");
            // Keycloak's thread-local reset needs java.lang opened on JDK 24 and later (it says so when it is not).
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens java.base/java.lang=ALL-UNNAMED");
            long started = System.nanoTime();
            Process process = builder.start();
            Keycloak keycloak = null;
            try {
                awaitReady(process, logFile, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
                keycloak = new Keycloak(
                        process,
                        logFile,
                        "http://127.0.0.1:" + port,
                        Duration.ofNanos(System.nanoTime() - started),
                        adminPassword);
                log.info("Keycloak started on port {} in {} s", port, keycloak.startTime.toSeconds());
                return keycloak;
            } finally {
                if (keycloak == null) {
                    stop(process);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a step of a realm's authentication flow an authentication reference, the value Keycloak's AMR mapper
     * puts into {@code amr} once a user completes that step (the admin console's "Authentication Reference"), for
     * tokens issued up to {@code maxAge} after the step. Realm imports cannot set it on the built-in flows, so it goes
     * through the admin API.
     *
     * <p>The maximum age is not optional in practice: Keycloak's default is zero seconds, which names the step only in
     * a token issued within the same second as the step completed. A browser's code exchange on a busy machine comes
     * later than that, and {@code amr} is then empty.
     */
    public void setAuthenticationReference(
            String realm, String flow, String authenticator, String reference, Duration maxAge) {
        String token = json(send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                                                + adminPassword))
                                .build(),
                        200))
                .get("access_token")
                .asString();
        String admin = baseUrl + "/admin/realms/" + realm + "/authentication";
        JsonNode executions = json(send(
                HttpRequest.newBuilder(URI.create(admin + "/flows/" + flow + "/executions"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                200));
        String execution = null;
        for (JsonNode node : executions) {
            if (authenticator.equals(node.path("providerId").asString())) {
                execution = node.path("id").asString();
            }
        }
        if (execution == null) {
            throw new IllegalArgumentException("No " + authenticator + " in flow " + flow);
        }
        String config = "{\"alias\":\"" + authenticator + "-reference\",\"config\":{\"default.reference.value\":\""
                + reference + "\",\"default.reference.maxAge\":\"" + maxAge.toSeconds() + "\"}}";
        send(
                HttpRequest.newBuilder(URI.create(admin + "/executions/" + execution + "/config"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(config))
                        .build(),
                201);
    }

    /** The issuer URI of a realm. */
    public String issuer(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    /** How long the start took, until Keycloak reported itself ready. */
    public Duration startTime() {
        return startTime;
    }

    @Override
    public void close() {
        stop(process);
    }

    private static HttpResponse<String> send(HttpRequest request, int expectedStatus) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " "
                        + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static Path home() {
        String home = System.getProperty("keycloak.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at keycloak.home=" + home
                    + "; run the integration tests through Maven (./mvnw verify), which unpacks it into target/");
        }
        return Path.of(home);
    }

    private static void awaitReady(Process process, Path logFile, URI health) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request =
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak stopped while starting (exit " + process.exitValue() + "):\n" + tail(logFile));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // Not listening yet.
            } catch (IOException e) {
                log.debug("Keycloak's health check failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready after " + START_TIMEOUT + ":\n" + tail(logFile));
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
