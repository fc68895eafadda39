package org.devportal.bench;

import static org.devportal.bench.TokenEndpointBenchmark.encode;
import static org.devportal.bench.TokenEndpointBenchmark.refreshTokenOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.devportal.Application;
import org.devportal.test.HttpTestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checks of {@code deploy/cluster/check.sh}, run against a cluster that script started: three MariaDB Galera
 * nodes, two portal nodes from the built jar, and HAProxy in front of them. Every check goes over HTTP, as users and
 * partners would; only the setup (a verified developer, a team and a confidential client) is made through the
 * portal's own services, from a third, short-lived node in this JVM.
 * <p>
 * Arguments are {@code name=value}: {@code lb}, {@code nodeA}, {@code nodeB} (base URLs), {@code jdbc},
 * {@code dbUser}, {@code dbPassword}, {@code hmacKey}, {@code idpSecret}, {@code logA}, {@code logB},
 * {@code galeraPid} (the Galera node to kill), {@code portalPid} (the portal node to kill), {@code workers},
 * {@code load} (seconds of steady load), {@code leeway} (the nodes' refresh leeway) and {@code lock} (the
 * secret-expiry job's minimum lock hold). It prints one line per check and a summary, and exits 1 if any failed.
 */
public final class ClusterCheck {

    private final Map<String, String> args;
    private final String lb;
    private final String nodeA;
    private final String nodeB;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    private ClusterCheck(Map<String, String> args) {
        this.args = args;
        this.lb = args.get("lb");
        this.nodeA = args.get("nodeA");
        this.nodeB = args.get("nodeB");
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            args.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        ClusterCheck check = new ClusterCheck(args);
        boolean passed = check.run();
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        Instant started = Instant.now();
        migratedOnce();
        TokenEndpointBenchmark.Setup setup = setUp(Integer.parseInt(args.getOrDefault("workers", "8")) + 2);
        List<String> tokens = new ArrayList<>(setup.refreshTokens());
        uiThroughTheBalancer(setup);
        String crossNode = tokens.removeLast();
        refreshesOnTheOtherNode(setup, crossNode);
        String reused = tokens.removeLast();
        reuseIsDetectedAcrossNodes(setup, reused);
        Load steady = load(setup, tokens, Duration.ofSeconds(Long.parseLong(args.getOrDefault("load", "30"))), null);
        steadyLoad(steady);
        Load failover = load(setup, steady.tokens(), Duration.ofSeconds(45), this::killNodes);
        survivesLosingNodes(failover);
        everyHeldTokenWorksExactlyOnce(setup, failover);
        expiryJobRanOncePerInterval(started);
        certificationConflicts();
        System.out.println();
        System.out.println("Figures:");
        figures.forEach((name, value) -> System.out.printf("  %-48s %s%n", name, value));
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("All cluster checks passed.");
            return true;
        }
        System.out.println(failures.size() + " cluster check(s) failed:");
        failures.forEach(failure -> System.out.println("  - " + failure));
        return false;
    }

    private void check(boolean passed, String what, String detail) {
        System.out.printf("%s  %s%s%n", passed ? "PASS" : "FAIL", what, detail.isEmpty() ? "" : " (" + detail + ")");
        if (!passed) {
            failures.add(what + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    /** Both nodes ran Liquibase against the empty database at once; each change set is recorded once. */
    private void migratedOnce() throws IOException, SQLException {
        int rows;
        int distinct;
        int locked;
        try (Connection db = database();
                Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select count(*), count(distinct id, author, filename) from DATABASECHANGELOG")) {
                rs.next();
                rows = rs.getInt(1);
                distinct = rs.getInt(2);
            }
            try (ResultSet rs = statement.executeQuery("select count(*) from DATABASECHANGELOGLOCK where locked")) {
                rs.next();
                locked = rs.getInt(1);
            }
        }
        long ranOnA = count(Path.of(args.get("logA")), "ran successfully");
        long ranOnB = count(Path.of(args.get("logB")), "ran successfully");
        check(
                rows > 0 && rows == distinct && locked == 0 && ranOnA + ranOnB == rows && (ranOnA == 0 || ranOnB == 0),
                "Liquibase migrated exactly once while both nodes started",
                rows + " change sets recorded, " + distinct + " distinct; run by node A: " + ranOnA + ", by node B: "
                        + ranOnB + "; lock held: " + locked);
    }

    private TokenEndpointBenchmark.Setup setUp(int authorizations) {
        List<String> properties = List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--portal.base-url=" + lb,
                "--spring.datasource.url=" + args.get("jdbc"),
                "--spring.datasource.username=" + args.get("dbUser"),
                "--spring.datasource.password=" + args.get("dbPassword"),
                "--portal.credentials.hmac-key=" + args.get("hmacKey"),
                "--portal.idp.client-secret=" + args.get("idpSecret"),
                "--portal.credentials.expiry-check-delay=PT24H",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.com.vaadin=error");
        System.out.println("Setting up a developer, a team and a confidential client through the portal's services");
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).run(properties.toArray(String[]::new))) {
            return TokenEndpointBenchmark.prepare(context, lb, authorizations);
        }
    }

    /**
     * Sign-in through HAProxy, then the client's page again and again: Vaadin keeps the UI state in one node's
     * session, so every request must reach the node the sign-in reached, signed in, with the same session.
     */
    private void uiThroughTheBalancer(TokenEndpointBenchmark.Setup setup) {
        HttpTestClient browser = new HttpTestClient(lb);
        HttpResponse<String> signedIn =
                browser.follow(browser.submitSignIn(setup.email(), TokenEndpointBenchmark.PASSWORD));
        String page = "/clients/" + setup.portalClientId();
        int served = 0;
        java.util.Set<String> sessions = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> shell = browser.get(page);
            // Signed out, the page would redirect to the sign-in (this client follows no redirect).
            if (shell.statusCode() == 200) {
                served++;
            }
            sessions.add(browser.cookie("JSESSIONID").orElse("none"));
        }
        String session = sessions.iterator().next();
        boolean oneNode = sessions.size() == 1 && session.matches("p[12]~.+");
        check(
                signedIn.statusCode() == 200 && served == 10 && oneNode,
                "A developer signs in through HAProxy and the client's page stays on one node",
                "sign-in " + signedIn.statusCode() + " at " + signedIn.uri().getPath() + "; " + served
                        + " of 10 page loads served signed in; session cookies seen: " + sessions.size()
                        + (oneNode ? ", all on node " + session.substring(0, 2) : ""));
    }

    private void refreshesOnTheOtherNode(TokenEndpointBenchmark.Setup setup, String refreshToken) {
        HttpResponse<String> onA = refresh(nodeA, setup, refreshToken);
        HttpResponse<String> onB = onA.statusCode() == 200 ? refresh(nodeB, setup, refreshTokenOf(onA.body())) : onA;
        check(
                onA.statusCode() == 200 && onB.statusCode() == 200,
                "A grant refreshed through node A refreshes through node B",
                "node A " + onA.statusCode() + ", then node B " + onB.statusCode());
    }

    private void reuseIsDetectedAcrossNodes(TokenEndpointBenchmark.Setup setup, String refreshToken)
            throws InterruptedException {
        HttpResponse<String> first = refresh(nodeA, setup, refreshToken);
        Thread.sleep(Duration.parse(args.getOrDefault("leeway", "PT1S")).toMillis() + 500);
        HttpResponse<String> reuse = refresh(nodeB, setup, refreshToken);
        HttpResponse<String> successor =
                first.statusCode() == 200 ? refresh(nodeA, setup, refreshTokenOf(first.body())) : first;
        check(
                first.statusCode() == 200
                        && reuse.statusCode() == 400
                        && reuse.body().contains("invalid_grant")
                        && successor.statusCode() == 400,
                "A refresh token reused on the other node revokes the whole grant",
                "first use on A " + first.statusCode() + ", reuse on B " + reuse.statusCode() + ", successor on A "
                        + successor.statusCode());
    }

    /** One worker per grant, refreshing through HAProxy as fast as it can, always with its newest token. */
    private Load load(TokenEndpointBenchmark.Setup setup, List<String> initial, Duration length, Chaos chaos)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder grants = new LongAdder();
        ConcurrentLinkedQueue<Failure> failed = new ConcurrentLinkedQueue<>();
        String[] held = initial.toArray(String[]::new);
        boolean[] lost = new boolean[held.length];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name("cluster-worker-" + i).start(() -> {
                while (running.get() && !lost[worker]) {
                    Instant at = Instant.now();
                    HttpResponse<String> response;
                    try {
                        response = refresh(lb, setup, held[worker]);
                    } catch (UncheckedIOException e) {
                        failed.add(
                                new Failure(worker, at, "I/O: " + e.getCause().getMessage(), false));
                        pause(200);
                        continue;
                    }
                    if (response.statusCode() == 200) {
                        held[worker] = refreshTokenOf(response.body());
                        grants.increment();
                        continue;
                    }
                    // A client retries what was not answered; a token that was spent meanwhile ends the chain.
                    boolean spent = response.statusCode() == 400;
                    failed.add(new Failure(worker, at, response.statusCode() + " " + response.body(), spent));
                    if (spent) {
                        lost[worker] = true;
                    } else {
                        pause(200);
                    }
                }
            }));
        }
        Instant start = Instant.now();
        List<Instant> kills = chaos == null ? List.of() : chaos.run(start);
        Duration left = length.minus(Duration.between(start, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        List<String> tokens = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            if (!lost[i]) {
                tokens.add(held[i]);
                live.add(i);
            }
        }
        return new Load(grants.sum(), seconds, List.copyOf(failed), kills, tokens, live, held.length);
    }

    private void steadyLoad(Load load) throws IOException, InterruptedException {
        Map<String, Long> perNode = answeredPerNode();
        long a = perNode.getOrDefault("portal1", 0L);
        long b = perNode.getOrDefault("portal2", 0L);
        figures.put(
                "Steady load: grants",
                String.format(
                        Locale.ROOT,
                        "%d in %.0f s (%.0f/s), %d workers",
                        load.grants(),
                        load.seconds(),
                        load.grants() / load.seconds(),
                        load.workers()));
        figures.put("Steady load: answered by node A / node B", a + " / " + b);
        check(
                load.failures().isEmpty() && load.grants() > 0 && a > 0 && b > 0,
                "A sustained rotating-refresh load round-robins across both portal nodes with zero errors",
                load.grants() + " grants, " + load.failures().size() + " errors"
                        + (load.failures().isEmpty()
                                ? ""
                                : " (first: " + load.failures().getFirst().what() + ")")
                        + "; node A answered " + a + ", node B " + b);
    }

    /** Five seconds into the load the Galera node the portals write to dies; ten seconds later a portal node. */
    private List<Instant> killNodes(Instant start) throws InterruptedException {
        List<Instant> kills = new ArrayList<>();
        sleepUntil(start.plusSeconds(5));
        kills.add(kill(Long.parseLong(args.get("galeraPid")), "Galera node 1 (the one both portal nodes write to)"));
        sleepUntil(start.plusSeconds(15));
        kills.add(kill(Long.parseLong(args.get("portalPid")), "portal node B"));
        return kills;
    }

    private static Instant kill(long pid, String what) {
        Instant at = Instant.now();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        System.out.printf("  killed %s (pid %d) with SIGKILL%n", what, pid);
        return at;
    }

    private void survivesLosingNodes(Load load) {
        Duration window = Duration.ofSeconds(30);
        List<Failure> outside = new ArrayList<>();
        Map<Instant, Duration> recovery = new LinkedHashMap<>();
        for (Instant kill : load.kills()) {
            recovery.put(kill, Duration.ZERO);
        }
        for (Failure failure : load.failures()) {
            Instant kill = null;
            for (Instant candidate : load.kills()) {
                if (!failure.at().isBefore(candidate.minusMillis(500))
                        && failure.at().isBefore(candidate.plus(window))) {
                    kill = candidate;
                }
            }
            if (kill == null) {
                outside.add(failure);
            } else {
                Duration took = Duration.between(kill, failure.at());
                if (took.compareTo(recovery.get(kill)) > 0) {
                    recovery.put(kill, took);
                }
            }
        }
        long chainsLost = load.failures().stream().filter(Failure::spent).count();
        List<String> recoveries = recovery.values().stream()
                .map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
                .toList();
        figures.put(
                "Failover: grants",
                String.format(
                        Locale.ROOT,
                        "%d in %.0f s (%.0f/s)",
                        load.grants(),
                        load.seconds(),
                        load.grants() / load.seconds()));
        figures.put(
                "Failover: failed requests (all at a kill)",
                Integer.toString(load.failures().size()));
        figures.put("Failover: recovery after Galera kill, portal kill", String.join(", ", recoveries));
        figures.put("Failover: chains ended by an answer lost at a kill", chainsLost + " of " + load.workers());
        boolean recovered = recovery.values().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(20)) < 0);
        check(
                outside.isEmpty()
                        && recovered
                        && load.grants() > 0
                        && load.kills().size() == 2,
                "Losing a Galera node and then a portal node under load fails only requests in flight, and the"
                        + " service recovers within seconds",
                load.failures().size() + " failed requests, " + outside.size() + " outside the kills"
                        + (outside.isEmpty()
                                ? ""
                                : " (first: " + outside.getFirst().what() + ")") + "; recovery "
                        + String.join(", ", recoveries));
    }

    /** No acknowledged grant is lost: the newest refresh token of every chain still works, and only once. */
    private void everyHeldTokenWorksExactlyOnce(TokenEndpointBenchmark.Setup setup, Load load) {
        int worked = 0;
        int refusedAgain = 0;
        List<String> problems = new ArrayList<>();
        for (String token : load.tokens()) {
            HttpResponse<String> first = refresh(lb, setup, token);
            HttpResponse<String> second = refresh(lb, setup, token);
            if (first.statusCode() == 200) {
                worked++;
            } else {
                problems.add("first use " + first.statusCode() + " " + first.body());
            }
            if (second.statusCode() == 400) {
                refusedAgain++;
            } else {
                problems.add("second use " + second.statusCode());
            }
        }
        check(
                !load.tokens().isEmpty()
                        && worked == load.tokens().size()
                        && refusedAgain == load.tokens().size(),
                "Every refresh token the client holds after the kills works exactly once",
                worked + " of " + load.tokens().size() + " worked, " + refusedAgain + " refused the second time"
                        + (problems.isEmpty() ? "" : "; first problem: " + problems.getFirst()));
    }

    /** The secret-expiry job's runs, from both nodes' logs: never two within one lock hold. */
    private void expiryJobRanOncePerInterval(Instant since) throws IOException {
        List<Instant> runs = new ArrayList<>();
        long ranOnA = 0;
        long ranOnB = 0;
        long skipped = 0;
        for (String log : List.of("logA", "logB")) {
            for (String line : Files.readAllLines(Path.of(args.get(log)))) {
                if (line.contains("Secret expiry check ran")) {
                    runs.add(Instant.parse(line.substring(0, line.indexOf(' '))));
                    if (log.equals("logA")) {
                        ranOnA++;
                    } else {
                        ranOnB++;
                    }
                } else if (line.contains("secret-expiry") && line.contains("locked")) {
                    skipped++;
                }
            }
        }
        Collections.sort(runs);
        Duration lock = Duration.parse(args.getOrDefault("lock", "PT1.8S"));
        Duration closest = null;
        for (int i = 1; i < runs.size(); i++) {
            Duration gap = Duration.between(runs.get(i - 1), runs.get(i));
            if (closest == null || gap.compareTo(closest) < 0) {
                closest = gap;
            }
        }
        figures.put("Secret-expiry job: runs on A / B, attempts skipped", ranOnA + " / " + ranOnB + ", " + skipped);
        check(
                runs.size() >= 3 && closest != null && closest.compareTo(lock.minusMillis(100)) >= 0 && skipped > 0,
                "The secret-expiry job runs once per interval across both nodes (ShedLock)",
                runs.size() + " runs (A " + ranOnA + ", B " + ranOnB + "), " + skipped
                        + " attempts skipped as locked; closest two runs "
                        + (closest == null ? "-" : closest.toMillis() + " ms") + " apart, lock held at least "
                        + lock.toMillis() + " ms");
    }

    private void certificationConflicts() throws IOException {
        long retried = count(Path.of(args.get("logA")), "conflicted with a concurrent write")
                + count(Path.of(args.get("logB")), "conflicted with a concurrent write");
        long unanswered = count(Path.of(args.get("logA")), "kept conflicting")
                + count(Path.of(args.get("logB")), "kept conflicting");
        figures.put("Token transactions retried after a conflict", retried + " (" + unanswered + " gave up)");
    }

    private Map<String, Long> answeredPerNode() throws IOException, InterruptedException {
        HttpResponse<String> stats = http.send(
                HttpRequest.newBuilder(URI.create(args.get("stats"))).build(), HttpResponse.BodyHandlers.ofString());
        String[] header =
                stats.body().lines().findFirst().orElseThrow().replace("# ", "").split(",");
        int proxy = List.of(header).indexOf("pxname");
        int server = List.of(header).indexOf("svname");
        int ok = List.of(header).indexOf("hrsp_2xx");
        Map<String, Long> answered = new LinkedHashMap<>();
        stats.body().lines().skip(1).forEach(line -> {
            String[] fields = line.split(",", -1);
            if (fields.length > ok && fields[proxy].equals("portal_any_node") && !fields[server].equals("BACKEND")) {
                answered.merge(fields[server], Long.parseLong(fields[ok].isEmpty() ? "0" : fields[ok]), Long::sum);
            }
        });
        return answered;
    }

    private HttpResponse<String> refresh(String base, TokenEndpointBenchmark.Setup setup, String refreshToken) {
        return TokenEndpointBenchmark.send(
                http,
                TokenEndpointBenchmark.tokenRequest(
                        base,
                        setup.clientId(),
                        setup.secret(),
                        "grant_type=refresh_token&refresh_token=" + encode(refreshToken)));
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(args.get("jdbc"), args.get("dbUser"), args.get("dbPassword"));
    }

    private static long count(Path log, String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Chaos {
        List<Instant> run(Instant start) throws InterruptedException;
    }

    record Failure(int worker, Instant at, String what, boolean spent) {}

    record Load(
            long grants,
            double seconds,
            List<Failure> failures,
            List<Instant> kills,
            List<String> tokens,
            List<Integer> live,
            int workers) {}
}
