package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestPorts;
import org.junit.jupiter.api.Test;

/**
 * The default rate limits over real HTTP, exceeded by a burst. Each test sends from a loopback address of its own
 * (Linux routes all of 127.0.0.0/8 to the loopback interface), so the buckets of 127.0.0.1, which every other
 * test uses, stay full.
 */
class RateLimitIT extends IntegrationTest {

    private static final String SERVER = "http://127.0.0.1:" + TestPorts.SERVER_PORT;
    private static final int MAX_REQUESTS = 20_000;

    @Test
    void a_client_named_in_a_burst_of_token_requests_is_limited_and_other_clients_are_not() {
        String clientId = UUID.randomUUID().toString();
        HttpClient from41 = clientFrom("127.0.0.41");

        Burst burst = burstUntilRefused(from41, () -> refreshRequest(basic(clientId, "wrong-secret")));

        assertThat(burst.refused()).as("a 429 within %d requests", MAX_REQUESTS).isPresent();
        HttpResponse<String> refused = burst.refused().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.body())
                .contains("\"error\":\"temporarily_unavailable\"")
                .contains("for this client");
        assertThat(burst.answeredBefore())
                .as("until then, the token endpoint answered as usual: the client is unknown")
                .isNotEmpty()
                .allSatisfy(status -> assertThat(status).isEqualTo(401));

        assertThat(send(from41, refreshRequest(basic(UUID.randomUUID().toString(), "wrong-secret")))
                        .statusCode())
                .as("another client from the same address, right after the refusal")
                .isEqualTo(401);
    }

    @Test
    void an_address_sending_a_burst_is_limited_at_every_machine_endpoint_and_other_addresses_are_not() {
        List<String> endpoints = List.of(
                "/sandbox/oauth/register",
                "/sandbox/oauth/token",
                "/production/oauth/token",
                "/sandbox/oauth/introspect",
                "/production/oauth/introspect",
                "/sandbox/oauth/revoke",
                "/production/oauth/revoke",
                // A configuration path names its client: a new one each time.
                "/sandbox/oauth/register/");
        for (int i = 0; i < endpoints.size(); i++) {
            String endpoint = endpoints.get(i);
            HttpClient from = clientFrom("127.0.0." + (50 + i));

            // A new client ID in every request: only the address is the same.
            Burst burst = burstUntilRefused(
                    from,
                    () -> form(
                            endpoint.endsWith("/") ? endpoint + UUID.randomUUID() : endpoint,
                            "client_id=" + UUID.randomUUID()));

            assertThat(burst.refused())
                    .as("%s: a 429 within %d requests", endpoint, MAX_REQUESTS)
                    .isPresent();
            assertThat(burst.refused().orElseThrow().body()).as(endpoint).contains("from this address");
            assertThat(burst.refused().orElseThrow().headers().firstValue("Retry-After"))
                    .as(endpoint)
                    .isPresent();
            assertThat(burst.answeredBefore())
                    .as(endpoint)
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status).isBetween(400, 499).isNotEqualTo(429));
        }
        assertThat(send(clientFrom("127.0.0.49"), form("/sandbox/oauth/token", "grant_type=refresh_token"))
                        .statusCode())
                .as("another address")
                .isBetween(400, 499)
                .isNotEqualTo(429);
        assertThat(send(
                                clientFrom("127.0.0.50"),
                                HttpRequest.newBuilder(URI.create(SERVER + "/sandbox/.well-known/openid-configuration"))
                                        .GET()
                                        .build())
                        .statusCode())
                .as("discovery is not limited")
                .isEqualTo(200);
    }

    private record Burst(Optional<HttpResponse<String>> refused, List<Integer> answeredBefore) {}

    /**
     * Sends the request from several threads at once until one is refused with 429, or {@link #MAX_REQUESTS}
     * were sent: faster than the bucket refills, whatever else the machine is doing.
     */
    private static Burst burstUntilRefused(HttpClient http, Supplier<HttpRequest> request) {
        AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        List<Integer> before = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                running.add(senders.submit(() -> {
                    while (refused.get() == null && sent.incrementAndGet() <= MAX_REQUESTS) {
                        HttpResponse<String> response = send(http, request.get());
                        if (response.statusCode() == 429) {
                            refused.compareAndSet(null, response);
                        } else if (refused.get() == null) {
                            before.add(response.statusCode());
                        }
                    }
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Burst(Optional.ofNullable(refused.get()), List.copyOf(before));
    }

    private static HttpRequest refreshRequest(String authorization) {
        return HttpRequest.newBuilder(URI.create(SERVER + "/sandbox/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=not-a-token"))
                .build();
    }

    private static HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(SERVER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpClient clientFrom(String localAddress) {
        try {
            return HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(localAddress))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
