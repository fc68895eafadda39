package org.devportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.Application;
import org.devportal.test.HttpTestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prepares the side-by-side token endpoint benchmark ({@code bench/token-endpoint/run.sh}) against a portal that
 * runs as its own process, from its jar, on a MariaDB server of its own.
 * <p>
 * {@code prepare base=<portal URL> tokens=<n> out=<dir> --spring.datasource.url=...}: starts the portal's code in
 * this JVM against the same database (on a port of its own, only to use its services), registers a developer, a
 * team and a confidential client there, exactly as {@link TokenEndpointBenchmark} does, then gets {@code n}
 * authorizations from the portal under test over HTTP (sign-in at its identity provider, consent, code exchange).
 * It writes {@code client.env} (client ID, secret and the developer's e-mail address) and {@code refresh.txt}
 * (one refresh token a line) into {@code dir}.
 * <p>
 * {@code codes base=<portal URL> client=<client ID> email=<address> count=<n> sessions=<k> out=<file>}: signs the
 * developer in {@code k} times and gets {@code n} authorization codes over HTTP (authorization request and consent
 * for each), for the code-exchange run. Codes live two minutes, so the run must follow at once.
 */
public final class TokenEndpointSetup {

    private TokenEndpointSetup() {}

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args);
        Map<String, String> options = arguments.options();
        List<String> springArguments = arguments.springArguments();
        switch (arguments.mode()) {
            case "prepare" -> prepare(options, springArguments);
            case "codes" -> codes(options);
            default -> throw new IllegalArgumentException("The first argument is prepare or codes");
        }
        System.exit(0);
    }

    private static void prepare(Map<String, String> options, List<String> springArguments) throws Exception {
        String base = BenchArguments.required(options, "base");
        int tokens = Integer.parseInt(options.getOrDefault("tokens", "64"));
        Path out = Path.of(BenchArguments.required(options, "out"));
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // The portal under test holds its own management port; this context must not take another's.
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.com.vaadin=error"));
        arguments.addAll(springArguments);
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new))) {
            TokenEndpointBenchmark.Setup setup = TokenEndpointBenchmark.prepare(context, base, tokens);
            Files.createDirectories(out);
            Files.writeString(
                    out.resolve("client.env"),
                    "CLIENT_ID=" + setup.clientId() + "\nCLIENT_SECRET=" + setup.secret() + "\nCLIENT_EMAIL="
                            + setup.email() + "\n");
            Files.write(out.resolve("refresh.txt"), setup.refreshTokens());
            System.out.printf("%d refresh tokens of client %s written to %s%n", tokens, setup.clientId(), out);
        }
    }

    private static void codes(Map<String, String> options) throws Exception {
        String base = BenchArguments.required(options, "base");
        String clientId = BenchArguments.required(options, "client");
        String email = BenchArguments.required(options, "email");
        int count = Integer.parseInt(options.getOrDefault("count", "1000"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "4"));
        Path out = Path.of(BenchArguments.required(options, "out"));
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService workers = Executors.newFixedThreadPool(sessions)) {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int share = count / sessions + (s < count % sessions ? 1 : 0);
                int session = s;
                done.add(workers.submit(() -> {
                    HttpTestClient browser = new HttpTestClient(base);
                    for (int i = 0; i < share; i++) {
                        codes.add(TokenEndpointBenchmark.authorize(
                                browser, base, clientId, email, "code-" + session + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        Files.write(out, codes);
        System.out.printf("%d authorization codes written to %s%n", codes.size(), out);
    }
}
