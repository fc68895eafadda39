package org.devportal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.devportal.Application;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.Chromium;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The client list's speed and memory against a portal that runs as its own process from its production-mode jar
 * ({@code bench/ui/run.sh} starts it and MariaDB, then runs this twice).
 * <p>
 * {@code setup out=<file> clients=<n> --spring.datasource.url=...}: starts the portal's code in this JVM against the
 * same database (Liquibase off: the schema is the portal's under test), creates a developer with a team of one
 * client and a team of {@code n} clients, and writes their ids to {@code file}. The first client of each team is
 * registered through the service; the rest of the big team are copies of it inserted by one SQL statement per
 * table, named {@code Bench client 000001} and up, each changed one second after the one before.
 * <p>
 * {@code measure base=<portal URL> pid=<portal pid> env=<file> sessions=<k> runs=<r> [warmup=<w>]
 * [histograms=<folder>] [heapdumps=<folder>]}: drives Debian's headless Chromium and prints the table. Heap figures
 * are the live objects after full GCs (the sum of {@code jcmd GC.class_histogram}) before and after {@code k} more
 * signed-in sessions on a page, divided by {@code k}; each session is a tab of its own, signed in afresh with no
 * cookies, left open on the page. Times are measured in the browser, from the action to the expected row's text in a
 * grid cell, median of {@code r} runs after {@code w} untimed ones.
 */
public final class ClientListBench {

    static final String PASSWORD = "correct horse battery staple";
    private static final String NAME = "Bench client ";
    /** Page scrolls per timed run. */
    private static final int PAGES = 5;

    private ClientListBench() {}

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args);
        Map<String, String> options = arguments.options();
        List<String> springArguments = arguments.springArguments();
        switch (arguments.mode()) {
            case "setup" -> setup(options, springArguments);
            case "measure" -> measure(options);
            default -> throw new IllegalArgumentException("The first argument is setup or measure");
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------------ setup

    private static void setup(Map<String, String> options, List<String> springArguments) throws IOException {
        int count = Integer.parseInt(options.getOrDefault("clients", "100000"));
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.liquibase.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.com.vaadin=error"));
        arguments.addAll(springArguments);
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new))) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            String subject = TestAccounts.ensure(
                    context.getBean(AccountService.class), email, "Bench User", PASSWORD, Role.DEVELOPER);
            ClientService clients = context.getBean(ClientService.class);
            TeamService teams = context.getBean(TeamService.class);
            TeamSummary small;
            TeamSummary big;
            ClientDetails template;
            try {
                SignedIn.withSubject(subject, email, Role.DEVELOPER);
                small = teams.createTeam("Bench small");
                withScopes(clients, clients.register(small.id(), ClientType.PUBLIC, "Bench alone", callback()));
                big = teams.createTeam("Bench big");
                template = withScopes(
                        clients, clients.register(big.id(), ClientType.CONFIDENTIAL, NAME + "000000", callback()));
                // "Your clients" opens the big team, the page the timed navigation goes to.
                teams.rememberTeamUsed(big.id());
            } finally {
                SecurityContextHolder.clearContext();
            }
            copy(new JdbcTemplate(context.getBean(DataSource.class)), template.id(), big.id(), count);
            Properties env = new Properties();
            env.setProperty("email", email);
            env.setProperty("smallTeam", small.id().toString());
            env.setProperty("bigTeam", big.id().toString());
            env.setProperty("client", template.id().toString());
            env.setProperty("clients", Integer.toString(count));
            try (var out = Files.newBufferedWriter(Path.of(options.getOrDefault("out", "bench.properties")))) {
                env.store(out, "client list bench");
            }
            System.out.printf("Teams of 1 and %d clients for %s%n", count, email);
        }
    }

    private static String callback() {
        return "https://bench.example.com/callback";
    }

    private static ClientDetails withScopes(ClientService clients, ClientDetails client) {
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withScopes("vendors:read", "accounts:read")
                        .build());
    }

    /**
     * Copies the template into {@code count - 1} more clients of the team, with its redirect URIs, contacts and
     * scopes; the template itself becomes the newest, number {@code count}. Columns are read from the schema, so a
     * column added later is copied too.
     */
    private static void copy(JdbcTemplate jdbc, UUID template, UUID team, int count) {
        List<String> columns = jdbc.queryForList(
                "select column_name from information_schema.columns where table_schema = database() "
                        + "and table_name = 'oauth_client' order by ordinal_position",
                String.class);
        String numbered = "lpad(s.seq, 6, '0')";
        String changed = "timestampadd(second, s.seq, timestamp'2026-01-01 00:00:00')";
        String values = columns.stream()
                .map(column -> switch (column) {
                    case "id", "sandbox_client_id" -> "uuid()";
                    case "name" -> "concat('" + NAME + "', " + numbered + ")";
                    case "created_at", "updated_at", "technical_changed_at" -> changed;
                    case "version" -> "0";
                    default -> "t." + column;
                })
                .collect(Collectors.joining(", "));
        jdbc.update(
                "insert into oauth_client (" + String.join(", ", columns) + ") select " + values + " from seq_1_to_"
                        + (count - 1) + " s join oauth_client t on t.id = ?",
                template.toString());
        jdbc.update(
                "update oauth_client set name = ?, updated_at = timestampadd(second, ?, timestamp'2026-01-01 00:00:00')"
                        + " where id = ?",
                NAME + String.format("%06d", count),
                count,
                template.toString());
        for (String table : List.of("oauth_client_redirect_uri", "oauth_client_contact", "oauth_client_scope")) {
            List<String> own = jdbc
                    .queryForList(
                            "select column_name from information_schema.columns where table_schema = database() "
                                    + "and table_name = ? and column_name <> 'client_id' order by ordinal_position",
                            String.class,
                            table)
                    .stream()
                    .toList();
            String copied = own.stream().map(column -> "x." + column).collect(Collectors.joining(", "));
            jdbc.update(
                    "insert into " + table + " (client_id, " + String.join(", ", own) + ") select c.id, " + copied
                            + " from oauth_client c join " + table + " x on x.client_id = ? "
                            + "where c.team_id = ? and c.id <> ?",
                    template.toString(),
                    team.toString(),
                    template.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------------- measure

    private static void measure(Map<String, String> options) throws Exception {
        String base = BenchArguments.required(options, "base");
        long pid = Long.parseLong(BenchArguments.required(options, "pid"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "20"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(Path.of(BenchArguments.required(options, "env")))) {
            env.load(in);
        }
        String email = env.getProperty("email");
        int clients = Integer.parseInt(env.getProperty("clients"));
        String smallList = base + "/teams/" + env.getProperty("smallTeam") + "/clients";
        String bigList = base + "/teams/" + env.getProperty("bigTeam") + "/clients";
        String clientPage = base + "/clients/" + env.getProperty("client");
        String newest = NAME + String.format("%06d", clients);
        // Row 50,000, or the middle row of a smaller team (a quicker run), which the list sorts newest first.
        int scrollTo = Math.min(49_999, clients / 2);
        String middle = NAME + String.format("%06d", clients - scrollTo);

        List<Long> firstRows = new ArrayList<>();
        List<Long> scrolls = new ArrayList<>();
        List<Long> pageScrolls = new ArrayList<>();
        int pageRows = 0;
        double lcp;
        long transferred;
        // Cold cache: a browser of its own whose cache is emptied after the sign-in, which loads the same bundle.
        ChromeDriver cold = Chromium.start();
        try {
            Browser browser = new Browser(cold);
            browser.open(bigList, email);
            browser.waitForCell(newest);
            // The warm-up runs do what the timed runs do, untimed, so that the cold load and the timed runs meet the
            // portal's code compiled, as a portal in use has it: the cold load is a new visitor's empty cache, not a
            // server that has just started.
            for (int run = 1; run <= warmup; run++) {
                Run warm = run(cold, browser, base, clients, newest, scrollTo, middle);
                System.out.printf(
                        "warm-up %d: first rows %d ms, page scrolls %s ms, scroll %d ms%n",
                        run, warm.firstRows(), warm.pages(), warm.scroll());
            }
            cold.executeCdpCommand("Network.enable", Map.of());
            cold.executeCdpCommand("Network.clearBrowserCache", Map.of());
            cold.get(bigList);
            browser.waitForCell(newest);
            Thread.sleep(1500);
            Map<?, ?> paint = (Map<?, ?>) cold.executeAsyncScript(LCP_AND_BYTES);
            lcp = ((Number) paint.get("lcp")).doubleValue();
            transferred = ((Number) paint.get("bytes")).longValue();
            System.out.printf("cold load: %s%n", paint.get("timeline"));
            System.out.printf("largest contentful paints (time, size, element): %s%n", paint.get("paints"));
            System.out.printf("transferred (bytes, resource):%n%s", paint.get("resources"));

            for (int run = 1; run <= runs; run++) {
                Run timed = run(cold, browser, base, clients, newest, scrollTo, middle);
                pageRows = timed.pageRows();
                pageScrolls.addAll(timed.pages());
                firstRows.add(timed.firstRows());
                scrolls.add(timed.scroll());
                System.out.printf(
                        "run %d: first rows %d ms in %s round trips, page scrolls %s ms, scroll %d ms in %s round trips%n",
                        run,
                        timed.firstRows(),
                        timed.firstRowsRoundTrips(),
                        timed.pages(),
                        timed.scroll(),
                        timed.scrollRoundTrips());
            }
        } finally {
            cold.quit();
        }
        System.out.printf(
                "first rows %s ms, page scrolls %s ms, scroll %s ms, LCP %.0f ms, %d bytes%n",
                firstRows, pageScrolls, scrolls, lcp, transferred);

        Heap heap = new Heap(
                pid,
                options.containsKey("histograms") ? Path.of(options.get("histograms")) : null,
                options.containsKey("heapdumps") ? Path.of(options.get("heapdumps")) : null);
        ChromeDriver driver = Chromium.start();
        double listKb;
        double fullListKb;
        double pageKb;
        try {
            Browser browser = new Browser(driver);
            // One session first, so that what every session shares (caches, compiled queries) is in the baseline.
            browser.open(bigList, email);
            browser.waitForCell(newest);
            driver.get(clientPage);
            browser.waitForText(newest);
            listKb = perSession(heap, browser, sessions, smallList, email, "Bench alone");
            fullListKb = perSession(heap, browser, sessions, bigList, email, newest);
            pageKb = perSession(heap, browser, sessions, clientPage, email, newest);
        } finally {
            driver.quit();
        }

        System.out.printf(
                "%n| Measure | Value | Goal |%n|---|---|---|%n"
                        + "| Heap per session, client list (one row) | %.0f KB | <= 100 KB |%n"
                        + "| Heap per session, client list with a full page of rows | %.0f KB | <= 100 KB |%n"
                        + "| Heap per session, client page | %.0f KB | <= 150 KB |%n"
                        + "| First rows of the list, %,d clients (median of %d) | %d ms | <= 300 ms |%n"
                        + "| Scroll down by a page of %d rows, from the top (median of %d) | %d ms | <= 150 ms |%n"
                        + "| Scroll to row %,d (median of %d) | %d ms | <= 150 ms |%n"
                        + "| Largest contentful paint of the list, cold cache | %.0f ms | <= 400 ms |%n"
                        + "| Transferred for it, cold cache | %.0f KB | <= 400 KB |%n",
                listKb,
                fullListKb,
                pageKb,
                clients,
                runs,
                median(firstRows),
                pageRows,
                pageScrolls.size(),
                median(pageScrolls),
                scrollTo + 1,
                runs,
                median(scrolls),
                lcp,
                transferred / 1024.0);
    }

    /** One timed run's figures, in ms, and the round trips the browser made for the first rows and the jump. */
    private record Run(
            long firstRows,
            Object firstRowsRoundTrips,
            int pageRows,
            List<Long> pages,
            long scroll,
            Object scrollRoundTrips) {}

    /**
     * Times the first rows (from the click on "Your clients", the big team's list, an in-app navigation), a user
     * paging down from the top a screenful of rows at a time (as many as the grid shows in full, {@code PAGES}
     * times), and a jump to the middle row, each to the expected row's text in a grid cell.
     */
    private static Run run(
            ChromeDriver driver,
            Browser browser,
            String base,
            int clients,
            String newest,
            int scrollTo,
            String middle) {
        driver.get(base + "/teams");
        browser.waitForText("Your clients");
        Map<?, ?> navigation = (Map<?, ?>) driver.executeAsyncScript(NAVIGATE_TO_CLIENTS, newest);
        int pageRows = ((Number) driver.executeScript(VISIBLE_ROWS)).intValue();
        if (pageRows < 1) {
            throw new IllegalStateException("The list shows no row in full: nothing to page by");
        }
        List<Long> pages = new ArrayList<>();
        for (int page = 1; page <= PAGES; page++) {
            int row = page * pageRows;
            Map<?, ?> pageScroll =
                    (Map<?, ?>) driver.executeAsyncScript(SCROLL, row, NAME + String.format("%06d", clients - row));
            pages.add(((Number) pageScroll.get("ms")).longValue());
        }
        Map<?, ?> scroll = (Map<?, ?>) driver.executeAsyncScript(SCROLL, scrollTo, middle);
        return new Run(
                ((Number) navigation.get("ms")).longValue(),
                navigation.get("roundTrips"),
                pageRows,
                pages,
                ((Number) scroll.get("ms")).longValue(),
                scroll.get("roundTrips"));
    }

    /** Opens the page in {@code sessions} new tabs, each a new session, and returns the heap each holds, in KB. */
    private static double perSession(Heap heap, Browser browser, int sessions, String url, String email, String shown)
            throws Exception {
        WebDriver driver = browser.driver;
        String home = driver.getWindowHandle();
        // A tab left on a portal page keeps talking to the portal; once the cookies are gone it would start a sign-in
        // of its own in the new session and take over where that session's sign-in returns to.
        driver.get("about:blank");
        long before = heap.liveAfterFullGc();
        List<String> tabs = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            driver.manage().deleteAllCookies();
            driver.switchTo().newWindow(WindowType.TAB);
            tabs.add(driver.getWindowHandle());
            browser.open(url, email);
            browser.waitForText(shown);
        }
        long after = heap.liveAfterFullGc();
        // Closing a tab does not end its session on the server (the other tabs' cookies belong to newer sessions),
        // so each page's sessions stay in the heap, and the next page's figure is the difference to this one.
        for (String tab : tabs) {
            try {
                driver.switchTo().window(tab).close();
            } catch (WebDriverException e) {
                // Chromium sometimes gives up closing a tab; a blank page ends its talk with the portal just as well.
                System.out.println("a tab did not close (" + e.getClass().getSimpleName() + "); left on a blank page");
                driver.get("about:blank");
            }
        }
        driver.switchTo().window(home);
        return (after - before) / 1024.0 / sessions;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static final String WAIT_FOR_CELL = """
            const text = arguments[0];
            const done = arguments[arguments.length - 1];
            const poll = () => {
                const grid = document.querySelector('#clients');
                if (grid && [...grid.querySelectorAll('vaadin-grid-cell-content')]
                        .some(cell => cell.textContent.includes(text))) {
                    done(performance.now());
                } else {
                    setTimeout(poll, 5);
                }
            };
            """;

    /** How many of the list's rows the grid shows in full: a page for a user paging down. */
    private static final String VISIBLE_ROWS = """
            const grid = document.querySelector('#clients');
            const box = grid.$.table.getBoundingClientRect();
            const header = grid.shadowRoot.querySelector('thead').getBoundingClientRect();
            return [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                .map(row => row.getBoundingClientRect())
                .filter(row => row.height > 0 && row.top >= header.bottom && row.bottom <= box.bottom).length;
            """;

    /** The Vaadin requests (UIDL round trips) the page sent since the start. */
    private static final String ROUND_TRIPS = """
            const roundTrips = start => {
                const trips = performance.getEntriesByType('resource')
                    .filter(entry => entry.startTime >= start && entry.name.includes('v-r=uidl'));
                return trips.length + ' (' + trips.map(entry => 'sent at ' + Math.round(entry.startTime - start)
                    + ' ms, answered after ' + Math.round(entry.responseStart - entry.requestStart) + ' ms, '
                    + entry.decodedBodySize + ' bytes').join('; ') + ')';
            };
            """;

    private static final String NAVIGATE_TO_CLIENTS = WAIT_FOR_CELL + ROUND_TRIPS + """
            const item = [...document.querySelectorAll('vaadin-side-nav-item')]
                .find(candidate => candidate.textContent.includes('Your clients'));
            const start = performance.now();
            const finish = done;
            (item.shadowRoot.querySelector('a') || item).click();
            const poll2 = () => {
                const grid = document.querySelector('#clients');
                if (grid && [...grid.querySelectorAll('vaadin-grid-cell-content')]
                        .some(cell => cell.textContent.includes(text))) {
                    finish({ms: Math.round(performance.now() - start), roundTrips: roundTrips(start)});
                } else {
                    setTimeout(poll2, 5);
                }
            };
            poll2();
            """;

    private static final String SCROLL = ROUND_TRIPS + """
            const index = arguments[0];
            const text = arguments[1];
            const done = arguments[arguments.length - 1];
            const grid = document.querySelector('#clients');
            const start = performance.now();
            grid.scrollToIndex(index);
            const poll = () => {
                if ([...grid.querySelectorAll('vaadin-grid-cell-content')]
                        .some(cell => cell.textContent.includes(text))) {
                    done({ms: Math.round(performance.now() - start), roundTrips: roundTrips(start)});
                } else {
                    setTimeout(poll, 5);
                }
            };
            poll();
            """;

    /*
     * The page's largest contentful paint and what it transferred, with the details that explain them: every paint
     * candidate with its element and size, the navigation's milestones, and each resource's transferred bytes.
     */
    private static final String LCP_AND_BYTES = """
            const done = arguments[arguments.length - 1];
            const describe = element => !element ? 'none' : element.tagName.toLowerCase()
                + (element.id ? '#' + element.id : '')
                + (element.textContent ? ' "' + element.textContent.trim().substring(0, 40) + '"' : '');
            new PerformanceObserver(list => {
                const entries = list.getEntries();
                const lcp = entries.length ? entries[entries.length - 1].startTime : 0;
                const loaded = performance.getEntriesByType('navigation')
                    .concat(performance.getEntriesByType('resource'));
                const bytes = loaded.reduce((sum, entry) => sum + (entry.transferSize || 0), 0);
                const navigation = performance.getEntriesByType('navigation')[0];
                const paints = entries.map(entry => Math.round(entry.startTime) + ' ms, ' + entry.size + ' px, '
                    + describe(entry.element)).join('; ');
                const resources = loaded.map(entry => '  ' + entry.transferSize + ' (' + entry.encodedBodySize
                    + ' encoded, ' + entry.decodedBodySize + ' decoded, ' + Math.round(entry.startTime) + '-'
                    + Math.round(entry.responseEnd) + ' ms) ' + entry.name.replace(location.origin, '') + '\\n')
                    .join('');
                const timeline = 'response end ' + Math.round(navigation.responseEnd)
                    + ' ms, DOM content loaded ' + Math.round(navigation.domContentLoadedEventEnd)
                    + ' ms, load ' + Math.round(navigation.loadEventEnd) + ' ms, redirects '
                    + navigation.redirectCount + ', first contentful paint ' + Math.round(
                        (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime)
                    + ' ms';
                done({lcp: lcp, bytes: bytes, paints: paints, resources: resources, timeline: timeline});
            }).observe({type: 'largest-contentful-paint', buffered: true});
            """;

    /** Sign-in and waiting, as the browser tests do them. */
    private record Browser(ChromeDriver driver, WebDriverWait until) {

        Browser(ChromeDriver driver) {
            this(driver, new WebDriverWait(driver, Duration.ofSeconds(60)));
        }

        /** Opens the page, signing in on the way when the identity provider asks. */
        void open(String url, String email) {
            driver.get(url);
            until.until(d -> {
                String path = java.net.URI.create(d.getCurrentUrl()).getPath();
                return path.equals("/idp/login")
                        || path.equals(java.net.URI.create(url).getPath());
            });
            if (java.net.URI.create(driver.getCurrentUrl()).getPath().equals("/idp/login")) {
                By user = By.cssSelector("vaadin-login-form #vaadinLoginUsername input");
                until.until(ExpectedConditions.elementToBeClickable(user)).sendKeys(email);
                driver.findElement(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"))
                        .sendKeys(PASSWORD, Keys.ENTER);
                try {
                    until.until(d -> java.net
                            .URI
                            .create(d.getCurrentUrl())
                            .getPath()
                            .equals(java.net.URI.create(url).getPath()));
                } catch (org.openqa.selenium.TimeoutException e) {
                    String text = driver.findElement(By.tagName("body")).getText();
                    throw new IllegalStateException(
                            "Signing in for " + url + " ended at " + driver.getCurrentUrl() + " showing: "
                                    + text.substring(0, Math.min(400, text.length())),
                            e);
                }
            }
        }

        void waitForCell(String text) {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            driver.executeAsyncScript(WAIT_FOR_CELL + "poll();", text);
        }

        void waitForText(String text) {
            until.until(d ->
                    ((String) ((JavascriptExecutor) d).executeScript("return document.body.innerText")).contains(text));
        }
    }

    /**
     * The portal's live objects after full collections, from the JDK's own jcmd. With a histogram folder, each figure
     * also leaves the class histogram it was taken with (numbered in order), so that two can be diffed to see what
     * the sessions in between hold; with a dump folder, a heap dump as well, for a tool that computes what each
     * session retains.
     */
    private static final class Heap {

        /** A row of the class histogram: rank, instances, bytes, class name. */
        private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

        private final long pid;
        private final Path histograms;
        private final Path dumps;
        private int taken;

        Heap(long pid, Path histograms, Path dumps) {
            this.pid = pid;
            this.histograms = histograms;
            this.dumps = dumps;
        }

        /**
         * The bytes of the portal's live objects: the sum of its class histogram, which the JVM takes after a full
         * collection, leaving out the collector's filler objects (dead space it marks as an object, which comes and
         * goes with how the regions were filled, not with what the portal holds).
         */
        long liveAfterFullGc() throws IOException, InterruptedException {
            // The portal runs with -XX:SoftRefLRUPolicyMSPerMB=0: the second collection clears every soft reference
            // not read since the first, so soft caches are in no figure.
            jcmd("GC.run");
            jcmd("GC.run");
            String histogram = jcmd("GC.class_histogram");
            taken++;
            if (histograms != null) {
                Files.createDirectories(histograms);
                Files.writeString(histograms.resolve("histogram-" + taken + ".txt"), histogram);
            }
            if (dumps != null) {
                Files.createDirectories(dumps);
                jcmd(
                        "GC.heap_dump",
                        dumps.toAbsolutePath()
                                .resolve("heap-" + taken + ".hprof")
                                .toString());
            }
            long live = 0;
            Matcher row = ROW.matcher(histogram);
            while (row.find()) {
                if (!row.group(2).contains("jdk.internal.vm.FillerElement")) {
                    live += Long.parseLong(row.group(1));
                }
            }
            if (live == 0) {
                throw new IllegalStateException("jcmd GC.class_histogram printed no classes");
            }
            return live;
        }

        private String jcmd(String... command) throws IOException, InterruptedException {
            List<String> line = new ArrayList<>();
            line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
            line.add(Long.toString(pid));
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
            return output;
        }
    }
}
