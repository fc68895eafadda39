package org.devportal.flowtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.devportal.base.PortalProperties;
import org.springframework.stereotype.Component;

/**
 * The portal as an OAuth client of its own sandbox issuer, over real HTTP to the portal's base URL, exactly as a
 * developer's back end would call it. Nothing here logs a request or a response.
 */
@Component
class SandboxHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> SHOWN_RESPONSE_HEADERS =
            List.of("content-type", "cache-control", "pragma", "www-authenticate");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String issuer;

    SandboxHttp(PortalProperties portal) {
        this.issuer = portal.url("/sandbox");
    }

    String issuer() {
        return issuer;
    }

    /** The raw answer, which holds live tokens: never store or show it, turn it into an {@link HttpExchange}. */
    record Answer(int status, List<String> headers, String body, long millis) {
        @Override
        public String toString() {
            return "Answer[" + status + "]";
        }
    }

    /** A request as sent, before redaction. */
    record Sent(String method, String url, List<String> headers, String body) {
        @Override
        public String toString() {
            return "Sent[" + method + "]";
        }
    }

    Answer postForm(Sent request) {
        return send(
                request,
                HttpRequest.newBuilder(URI.create(request.url()))
                        .POST(HttpRequest.BodyPublishers.ofString(request.body())));
    }

    Answer get(Sent request) {
        return send(request, HttpRequest.newBuilder(URI.create(request.url())).GET());
    }

    static Sent tokenRequest(String tokenEndpoint, Map<String, String> form, String basicClientId, String secret) {
        List<String> headers =
                new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded", "Accept: application/json"));
        if (basicClientId != null) {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
            headers.add("Authorization: Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (encode(basicClientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Sent("POST", tokenEndpoint, headers, body);
    }

    static Sent apiRequest(String url, String accessToken) {
        return new Sent("GET", url, List.of("Accept: application/json", "Authorization: Bearer " + accessToken), null);
    }

    private Answer send(Sent sent, HttpRequest.Builder builder) {
        for (String header : sent.headers()) {
            int colon = header.indexOf(':');
            builder.header(
                    header.substring(0, colon), header.substring(colon + 1).strip());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(builder.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            List<String> headers = new ArrayList<>();
            response.headers().map().forEach((name, values) -> {
                if (SHOWN_RESPONSE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> headers.add(name + ": " + value));
                }
            });
            return new Answer(response.statusCode(), headers, response.body(), elapsed(started));
        } catch (IOException e) {
            return new Answer(0, List.of(), "No answer: " + e.getClass().getSimpleName(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, List.of(), "Interrupted", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
