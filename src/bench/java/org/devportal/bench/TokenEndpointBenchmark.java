package org.devportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.devportal.Application;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.HttpTestClient;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Throughput of the sandbox issuer's token endpoint for {@code refresh_token} grants of a confidential client
 * ({@code client_secret_basic}), with the portal as configured: its secrets checked by their keyed hash.
 * <p>
 * The harness starts the whole portal ({@link Application}, with its own embedded MariaDB in a fresh data
 * directory and its own port). It registers a confidential client, then gets one authorization per worker over
 * HTTP exactly as an integration would (sign-in at the built-in identity provider, consent, code exchange). Each
 * worker then refreshes in a loop, always with the newest refresh token it got, since every refresh rotates the
 * token. All workers share one {@link HttpClient} speaking HTTP/1.1, whose pool keeps one keep-alive connection
 * per worker; the harness checks that the same connections are open at the start and the end of the measurement.
 * <p>
 * Every answer must be a 200 with a new refresh token; anything else is counted and reported as an error, and
 * that worker stops, since its authorization is no longer usable. The load generator runs in the same JVM as the
 * server and MariaDB on the same machine: requests per second per core divide by every core the server could
 * use, with everything it needs sharing them.
 * <p>
 * Arguments, all optional: {@code threads=8 warmup=20 measure=30}, and any Spring property as
 * {@code --name=value}. Run with
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=org.devportal.bench.TokenEndpointBenchmark -Djmh.args="threads=8 warmup=90 measure=30"}; the README has the figures.
 */
public final class TokenEndpointBenchmark {

    static final String SANDBOX = "/sandbox";
    static final String CALLBACK = "https://ledger.example.com/callback";
    static final String PASSWORD = "correct horse battery staple";
    /** The RFC 7636 test vector. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private TokenEndpointBenchmark() {}

    record Options(int threads, Duration warmup, Duration measure, List<String> springArguments) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> springArguments = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    springArguments.add(arg);
                    continue;
                }
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("Arguments are name=value: " + arg);
                }
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
            return new Options(
                    Integer.parseInt(values.getOrDefault("threads", "8")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "20"))),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("measure", "30"))),
                    springArguments);
        }
    }

    record Result(
            int threads,
            long completed,
            long errors,
            long warmupErrors,
            double seconds,
            double p50Millis,
            double p99Millis,
            double machineCpu,
            double ownCpuSeconds,
            int connectionsKept,
            int connectionsAtEnd,
            String firstError) {

        double perSecond() {
            return completed / seconds;
        }

        /** Grants per CPU-second spent by this JVM (server and load generator) and its MariaDB server. */
        double perCpuSecond() {
            return completed / ownCpuSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "%nToken endpoint, refresh_token grants: %d worker threads, %d s warm-up, %d s "
                        + "measurement, %d cores (Runtime.availableProcessors), JDK %s%n%n",
                options.threads(),
                options.warmup().toSeconds(),
                options.measure().toSeconds(),
                cores,
                Runtime.version());
        Result result = run(options);
        report(result, cores);
        System.exit(result.errors() + result.warmupErrors() > 0 ? 1 : 0);
    }

    private static Result run(Options options) throws Exception {
        int port = freePort();
        String baseUrl = "http://localhost:" + port;
        Path database = Path.of("target", "bench-db", "token-endpoint").toAbsolutePath();
        deleteRecursively(database);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        System.out.printf("Starting the portal on port %d%n", port);
        // As command-line arguments: they override application.yml, where default properties would not.
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("server.port", port),
                Map.entry("portal.base-url", baseUrl),
                Map.entry("portal.embedded-db.directory", database.toString()),
                Map.entry("portal.embedded-db.port", 0),
                Map.entry("portal.credentials.hmac-key", Base64.getEncoder().encodeToString(key)),
                Map.entry("portal.idp.client-secret", Base64.getEncoder().encodeToString(key) + "-idp"),
                // A keep-alive connection serves any number of requests (Tomcat closes it after 100 by default).
                Map.entry("server.tomcat.max-keep-alive-requests", -1),
                // One client from one address at full speed: the rate limits are raised far out of the way, but
                // every request still passes through them, so their cost is part of the figures.
                Map.entry("portal.authserver.rate-limit.per-client.requests-per-second", 1_000_000),
                Map.entry("portal.authserver.rate-limit.per-client.burst", 1_000_000),
                Map.entry("portal.authserver.rate-limit.per-address.requests-per-second", 1_000_000),
                Map.entry("portal.authserver.rate-limit.per-address.burst", 1_000_000),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "warn"),
                Map.entry("logging.level.com.vaadin", "error"));
        List<String> arguments = new ArrayList<>(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList());
        arguments.addAll(options.springArguments());
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new))) {
            Setup setup = prepare(context, baseUrl, options.threads());
            System.out.printf("%d authorizations ready; warming up%n", options.threads());
            return drive(baseUrl, port, setup, options);
        }
    }

    record Setup(String clientId, String secret, String email, List<String> refreshTokens, UUID portalClientId) {}

    /** A developer, a team and a confidential client, and one authorization per worker, obtained over HTTP. */
    static Setup prepare(ConfigurableApplicationContext context, String baseUrl, int authorizations) {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String subject = TestAccounts.ensure(
                context.getBean(AccountService.class), email, "Bench User", PASSWORD, Role.DEVELOPER);
        ClientService clients = context.getBean(ClientService.class);
        ClientDetails client;
        ClientSecret secret;
        try {
            SignedIn.withSubject(subject, email, Role.DEVELOPER);
            TeamSummary team = context.getBean(TeamService.class)
                    .createTeam("Bench " + UUID.randomUUID().toString().substring(0, 6));
            client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", CALLBACK);
            client = clients.update(
                    client.id(),
                    client.version(),
                    TestClients.from(client)
                            .withScopes("vendors:read", "accounts:read")
                            .build());
            secret = context.getBean(CredentialService.class)
                    .takeRevealAfterRegistration(client.id())
                    .orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
        String clientId = client.sandboxClientId().toString();
        HttpTestClient browser = new HttpTestClient(baseUrl);
        List<String> refreshTokens = new ArrayList<>();
        try (HttpClient backEnd =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < authorizations; i++) {
                String code = authorize(browser, baseUrl, clientId, email, "bench-" + i);
                HttpResponse<String> tokens = send(
                        backEnd,
                        tokenRequest(
                                baseUrl,
                                clientId,
                                secret.value(),
                                "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri="
                                        + encode(CALLBACK) + "&code_verifier=" + VERIFIER));
                if (tokens.statusCode() != 200) {
                    throw new IllegalStateException(
                            "Code exchange answered " + tokens.statusCode() + ": " + tokens.body());
                }
                refreshTokens.add(refreshTokenOf(tokens.body()));
            }
        }
        return new Setup(clientId, secret.value(), email, refreshTokens, client.id());
    }

    /** Authorization request, sign-in (first time only), consent; returns the code from the redirect back. */
    static String authorize(HttpTestClient browser, String baseUrl, String clientId, String email, String state) {
        String url = baseUrl + SANDBOX + "/oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + encode(CALLBACK) + "&scope=" + encode("vendors:read accounts:read") + "&state=" + state
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
        HttpResponse<String> response = browser.get(url);
        for (int hops = 0; hops < 15 && HttpTestClient.isRedirect(response); hops++) {
            String location = HttpTestClient.location(response);
            String absolute = location.startsWith("/") ? baseUrl + location : location;
            if (absolute.startsWith(baseUrl + "/consent")) {
                break;
            }
            try {
                response = browser.get(absolute);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Following the sign-in redirect to " + absolute + " failed", e);
            }
            if (response.statusCode() == 200 && response.uri().getPath().equals("/idp/login")) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("username", email);
                form.put("password", PASSWORD);
                form.put("_csrf", browser.csrfTokenOf(response));
                response = browser.postForm("/idp/login", form);
            }
        }
        String toConsent = HttpTestClient.location(response);
        String consentState = query(toConsent).get("state");
        HttpResponse<String> back = browser.postForm(
                SANDBOX + "/oauth/authorize",
                List.of(
                        Map.entry("client_id", clientId), Map.entry("state", consentState),
                        Map.entry("scope", "vendors:read"), Map.entry("scope", "accounts:read")));
        if (back.statusCode() != 302) {
            throw new IllegalStateException("Consent answered " + back.statusCode());
        }
        return query(HttpTestClient.location(back)).get("code");
    }

    private enum Phase {
        WARMUP,
        MEASURE,
        DONE
    }

    private static Result drive(String baseUrl, int port, Setup setup, Options options) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMUP);
        LongAdder completed = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder warmupErrors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            String initial = setup.refreshTokens().get(i);
            long[][] own = {new long[1 << 16]};
            int[] count = {0};
            Thread worker = Thread.ofPlatform().name("bench-worker-" + i).start(() -> {
                String refreshToken = initial;
                while (phase.get() != Phase.DONE) {
                    long started = System.nanoTime();
                    HttpResponse<String> response;
                    try {
                        response = send(
                                client,
                                tokenRequest(
                                        baseUrl,
                                        setup.clientId(),
                                        setup.secret(),
                                        "grant_type=refresh_token&refresh_token=" + encode(refreshToken)));
                    } catch (RuntimeException e) {
                        (phase.get() == Phase.MEASURE ? errors : warmupErrors).increment();
                        firstError.compareAndSet(null, e.toString());
                        break;
                    }
                    long took = System.nanoTime() - started;
                    Phase now = phase.get();
                    if (response.statusCode() != 200) {
                        (now == Phase.MEASURE ? errors : warmupErrors).increment();
                        firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                        break;
                    }
                    refreshToken = refreshTokenOf(response.body());
                    if (now == Phase.MEASURE) {
                        completed.increment();
                        if (count[0] == own[0].length) {
                            own[0] = Arrays.copyOf(own[0], own[0].length * 2);
                        }
                        own[0][count[0]++] = took;
                    }
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(own[0], count[0]));
                }
            });
            workers.add(worker);
        }
        Thread.sleep(options.warmup().toMillis());
        Set<Integer> connectionsAtStart = clientPortsTo(port);
        long[] cpuAtStart = machineCpuTicks();
        long ownCpuAtStart = ownCpuNanos();
        long databaseCpuAtStart = databaseCpuNanos();
        long measureStarted = System.nanoTime();
        phase.set(Phase.MEASURE);
        Thread.sleep(options.measure().toMillis());
        phase.set(Phase.DONE);
        double seconds = (System.nanoTime() - measureStarted) / 1e9;
        long[] cpuAtEnd = machineCpuTicks();
        double ownCpuSeconds = (ownCpuNanos() - ownCpuAtStart) / 1e9;
        double databaseCpuSeconds = (databaseCpuNanos() - databaseCpuAtStart) / 1e9;
        Set<Integer> connectionsAtEnd = clientPortsTo(port);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Set<Integer> kept = new HashSet<>(connectionsAtStart);
        kept.retainAll(connectionsAtEnd);
        double busy = cpuAtStart == null || cpuAtEnd == null
                ? Double.NaN
                : 1.0 - (double) (cpuAtEnd[1] - cpuAtStart[1]) / (cpuAtEnd[0] - cpuAtStart[0]);
        Result result = new Result(
                options.threads(),
                completed.sum(),
                errors.sum(),
                warmupErrors.sum(),
                seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                busy,
                ownCpuSeconds,
                kept.size(),
                connectionsAtEnd.size(),
                firstError.get());
        System.out.printf(
                Locale.ROOT,
                "%d grants in %.1f s = %.1f/s, %d errors (%d in warm-up), p50 %.2f ms, "
                        + "p99 %.2f ms; machine CPU %.0f %% busy, of which this JVM and its MariaDB %.1f CPU-s (MariaDB %.1f) "
                        + "= %.0f grants per CPU-second; %d of %d connections open throughout%n",
                result.completed(),
                seconds,
                result.perSecond(),
                result.errors(),
                result.warmupErrors(),
                result.p50Millis(),
                result.p99Millis(),
                busy * 100,
                ownCpuSeconds,
                databaseCpuSeconds,
                result.perCpuSecond(),
                kept.size(),
                connectionsAtEnd.size());
        if (result.firstError() != null) {
            System.out.printf("First error: %s%n", result.firstError());
        }
        return result;
    }

    private static void report(Result result, int cores) {
        System.out.printf(
                Locale.ROOT,
                "%n| Grants/s | Grants/s/core (%d cores) | Grants per CPU-second (portal + MariaDB) | Errors | p50 | p99 |%n",
                cores);
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| %.0f | %.0f | %.0f | %d | %.2f ms | %.2f ms |%n",
                result.perSecond(),
                result.perSecond() / cores,
                result.perCpuSecond(),
                result.errors() + result.warmupErrors(),
                result.p50Millis(),
                result.p99Millis());
    }

    static HttpRequest tokenRequest(String baseUrl, String clientId, String secret, String form) {
        return HttpRequest.newBuilder(URI.create(baseUrl + SANDBOX + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((encode(clientId) + ":" + encode(secret))
                                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String refreshTokenOf(String json) {
        String name = "\"refresh_token\":\"";
        int start = json.indexOf(name);
        if (start < 0) {
            throw new IllegalStateException("No refresh token in " + json);
        }
        start += name.length();
        return json.substring(start, json.indexOf('"', start));
    }

    /**
     * The local ports of this machine's established TCP connections to {@code port}: the client ends of the
     * connections to the server, from {@code /proc/net/tcp} (state 01 is ESTABLISHED).
     */
    private static Set<Integer> clientPortsTo(int port) {
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(path);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    int local = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                    int remote = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                    if (remote == port && "01".equals(fields[3])) {
                        ports.add(local);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    /**
     * CPU time used so far by this JVM and by the processes it started (the embedded MariaDB server), from
     * {@code /proc/<pid>/stat}; the machine may run other work, which this leaves out.
     */
    private static long ownCpuNanos() {
        return cpuNanos(ProcessHandle.current()) + databaseCpuNanos();
    }

    /** CPU time used so far by the processes this JVM started: the embedded MariaDB server. */
    private static long databaseCpuNanos() {
        return ProcessHandle.current()
                .descendants()
                .mapToLong(TokenEndpointBenchmark::cpuNanos)
                .sum();
    }

    static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // USER_HZ is 100
        } catch (IOException | RuntimeException e) {
            return 0; // The process ended, or there is no /proc.
        }
    }

    /** Total and idle jiffies of all CPUs, from {@code /proc/stat}; null where there is none. */
    private static long[] machineCpuTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            values.put(
                    java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
