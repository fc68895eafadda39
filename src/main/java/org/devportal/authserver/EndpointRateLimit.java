package org.devportal.authserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.devportal.base.RateLimited;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the issuers' machine endpoints (token, introspection, revocation, registration), per client and
 * per source address, each a Bucket4j token bucket. A request over a limit is answered {@code 429 Too Many Requests}
 * with {@code Retry-After} in seconds and an OAuth-style JSON error, before anything else looks at it: no secret
 * is checked and no database is touched for it.
 *
 * <p>The error code is {@code temporarily_unavailable}. RFC 6749 has no code for a rate limit; this one is
 * registered (§4.1.2.1) for "temporarily unable to handle the request", which is what the client should hear:
 * try again later. {@code slow_down} was the other candidate, but RFC 8628 gives it a precise meaning for device
 * flow polling (add 5 seconds to the interval) that does not apply here.
 *
 * <p>The client ID only selects a bucket; it is never taken as authentication. It is the HTTP Basic user name, else
 * the {@code client_id} form parameter (read with {@code getParameter}, which leaves the form for the endpoint),
 * else the client ID in a registration path ({@code /register/{client_id}}). So anyone can spend a client's
 * allowance by naming it; one address alone can do so only within its own limit, and failed client
 * authentications show up in the client's history.
 *
 * <p>The source address is {@link HttpServletRequest#getRemoteAddr()}: the peer, or the address a trusted proxy
 * forwarded, exactly as the sign-in throttle sees it. Buckets live in memory on each node, so behind a load
 * balancer the limits apply per node. At most {@code tracked-keys} clients and as many addresses are kept, the
 * least recently seen forgotten first; a bucket unused for as long as it takes to refill is dropped, since a new
 * one is the same.
 */
final class EndpointRateLimit extends OncePerRequestFilter {

    /** Longer client IDs are cut to this length for the key; real ones are UUIDs (36 characters). */
    private static final int MAX_CLIENT_ID_LENGTH = 64;

    private static final String REGISTRATION_PATH = AuthorizationServerConfiguration.REGISTRATION_ENDPOINT + "/";

    private final RateLimitProperties settings;
    private final MeterRegistry meters;
    private final TimeMeter time;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> addresses;

    EndpointRateLimit(RateLimitProperties settings, MeterRegistry meters) {
        this(settings, meters, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With the time source the buckets refill by, for tests. */
    EndpointRateLimit(RateLimitProperties settings, TimeMeter time) {
        this(settings, new SimpleMeterRegistry(), time);
    }

    EndpointRateLimit(RateLimitProperties settings, MeterRegistry meters, TimeMeter time) {
        this.settings = settings;
        this.meters = meters;
        this.time = time;
        this.clients = buckets(settings.perClient(), settings.trackedKeys(), time);
        this.addresses = buckets(settings.perAddress(), settings.trackedKeys(), time);
    }

    private static Cache<String, Bucket> buckets(RateLimitProperties.Limit limit, int maximum, TimeMeter time) {
        long refillNanos = TimeUnit.SECONDS.toNanos(1) * limit.burst() / limit.requestsPerSecond();
        return Caffeine.newBuilder()
                .maximumSize(maximum)
                .expireAfterAccess(Duration.ofNanos(Math.max(refillNanos, TimeUnit.SECONDS.toNanos(1))))
                .ticker(time::currentTimeNanos)
                // Housekeeping on the calling thread: a few map operations, and no thread pool to flood.
                .executor(Runnable::run)
                .build();
    }

    /** The two issuers' endpoints under a limit, as servlet URL patterns. */
    static String[] urlPatterns() {
        return java.util.Arrays.stream(Issuer.values())
                .map(Issuer::path)
                .flatMap(issuer -> java.util.stream.Stream.of(
                        issuer + AuthorizationServerConfiguration.TOKEN_ENDPOINT,
                        issuer + "/oauth/introspect",
                        issuer + "/oauth/revoke",
                        // A prefix pattern: the registration endpoint itself and every client's configuration below it.
                        issuer + AuthorizationServerConfiguration.REGISTRATION_ENDPOINT + "/*"))
                .toArray(String[]::new);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A CORS preflight is answered without touching the endpoint; the request it announces is counted.
        return "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe address = addresses
                .get(String.valueOf(request.getRemoteAddr()), key -> bucket(settings.perAddress()))
                .tryConsumeAndReturnRemaining(1);
        if (!address.isConsumed()) {
            RateLimited.count(meters, "endpoint.address");
            refuse(response, address, "from this address");
            return;
        }
        String clientId = claimedClientId(request);
        if (clientId != null) {
            ConsumptionProbe client =
                    clients.get(clientId, key -> bucket(settings.perClient())).tryConsumeAndReturnRemaining(1);
            if (!client.isConsumed()) {
                RateLimited.count(meters, "endpoint.client");
                refuse(response, client, "for this client");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth
                        .capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static void refuse(HttpServletResponse response, ConsumptionProbe probe, String which) throws IOException {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"error\":\"temporarily_unavailable\",\"error_description\":\"Too many requests " + which
                        + "; retry after " + seconds + " seconds\"}");
    }

    /** How many buckets are kept now, clients and addresses together. */
    long trackedBuckets() {
        clients.cleanUp();
        addresses.cleanUp();
        return clients.estimatedSize() + addresses.estimatedSize();
    }

    /** The client ID the request names; never checked here, and never more than a bucket's key. */
    static String claimedClientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String clientId = null;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            clientId = basicUserName(header.substring(6).strip());
        } else {
            String uri = request.getRequestURI();
            int registration = uri.indexOf(REGISTRATION_PATH);
            if (registration >= 0) {
                clientId = uri.substring(registration + REGISTRATION_PATH.length());
            } else if ("POST".equals(request.getMethod())) {
                clientId = request.getParameter("client_id");
            }
        }
        if (clientId == null || clientId.isEmpty()) {
            return null;
        }
        return clientId.length() > MAX_CLIENT_ID_LENGTH ? clientId.substring(0, MAX_CLIENT_ID_LENGTH) : clientId;
    }

    /** RFC 6749 §2.3.1: the user name of HTTP Basic, form-URL-encoded. */
    private static String basicUserName(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
