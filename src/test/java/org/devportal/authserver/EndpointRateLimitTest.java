package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EndpointRateLimitTest {

    private final FakeTime time = new FakeTime();
    private final EndpointRateLimit limit = new EndpointRateLimit(
            new RateLimitProperties(new RateLimitProperties.Limit(2, 3), new RateLimitProperties.Limit(4, 6), 1000),
            time);

    @Test
    void a_client_over_its_burst_gets_429_with_retry_after_and_an_oauth_error_while_another_client_goes_on() {
        for (int i = 0; i < 3; i++) {
            assertThat(send(tokenRequest("10.0.0.1", "client-a")).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send(tokenRequest("10.0.0.1", "client-a"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.getContentType()).startsWith("application/json");
        assertThat(body(refused))
                .contains("\"error\":\"temporarily_unavailable\"")
                .contains("Too many requests for this client; retry after 1 seconds");
        assertThat(send(tokenRequest("10.0.0.1", "client-b")).getStatus()).isEqualTo(200);
        assertThat(send(tokenRequest("10.0.0.2", "client-a")).getStatus())
                .as("the client's bucket is the same from any address")
                .isEqualTo(429);
    }

    @Test
    void every_refused_request_is_counted_by_the_limit_it_hit() {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        EndpointRateLimit counted = new EndpointRateLimit(
                new RateLimitProperties(new RateLimitProperties.Limit(2, 1), new RateLimitProperties.Limit(4, 2), 1000),
                meters,
                time);
        for (String client : new String[] {"client-a", "client-a", "client-b"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                counted.doFilter(tokenRequest("10.0.0.9", client), response, new MockFilterChain());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        assertThat(meters.get(org.devportal.base.RateLimited.METRIC)
                        .tag("limit", "endpoint.client")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(org.devportal.base.RateLimited.METRIC)
                        .tag("limit", "endpoint.address")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void an_address_over_its_burst_gets_429_whichever_client_it_names_while_another_address_goes_on() {
        for (int i = 0; i < 6; i++) {
            assertThat(send(tokenRequest("10.0.0.3", "client-" + i)).getStatus())
                    .isEqualTo(200);
        }

        MockHttpServletResponse refused = send(tokenRequest("10.0.0.3", "client-new"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(body(refused)).contains("Too many requests from this address");
        assertThat(send(tokenRequest("10.0.0.4", "client-new")).getStatus()).isEqualTo(200);
    }

    @Test
    void the_bucket_refills_at_its_rate_and_retry_after_says_how_long_to_wait() {
        MockHttpServletRequest request = revocationRequest("10.0.0.5", "client-c");
        for (int i = 0; i < 3; i++) {
            send(revocationRequest("10.0.0.5", "client-c"));
        }
        assertThat(send(request).getStatus()).isEqualTo(429);

        time.advance(Duration.ofMillis(499));
        assertThat(send(revocationRequest("10.0.0.5", "client-c")).getStatus()).isEqualTo(429);
        time.advance(Duration.ofMillis(1));
        assertThat(send(revocationRequest("10.0.0.5", "client-c")).getStatus())
                .as("2 per second: one request every 500 ms")
                .isEqualTo(200);
        assertThat(send(revocationRequest("10.0.0.5", "client-c")).getStatus()).isEqualTo(429);
    }

    @Test
    void retry_after_rounds_the_wait_up_to_whole_seconds() {
        EndpointRateLimit slow = new EndpointRateLimit(
                new RateLimitProperties(
                        new RateLimitProperties.Limit(1, 1), new RateLimitProperties.Limit(100, 100), 1000),
                time);
        MockHttpServletResponse first = new MockHttpServletResponse();
        run(slow, tokenRequest("10.0.0.6", "client-d"), first);
        time.advance(Duration.ofMillis(100));
        MockHttpServletResponse second = new MockHttpServletResponse();
        run(slow, tokenRequest("10.0.0.6", "client-d"), second);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void the_client_comes_from_http_basic_first_then_the_form_then_the_registration_path() {
        MockHttpServletRequest basic = tokenRequest("10.0.0.7", "form-client");
        basic.addHeader(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString("basic%20client:secret".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletRequest configuration =
                new MockHttpServletRequest("PUT", "/sandbox/oauth/register/3f2c0d9e-1b7a-4a51-9b8e-0c6d2f1e7a10");
        configuration.addHeader("Authorization", "Bearer dprat_whatever");
        MockHttpServletRequest registration = new MockHttpServletRequest("POST", "/sandbox/oauth/register");
        MockHttpServletRequest malformed = tokenRequest("10.0.0.7", "form-client");
        malformed.addHeader("Authorization", "Basic !!not base64!!");

        assertThat(EndpointRateLimit.claimedClientId(basic)).isEqualTo("basic client");
        assertThat(EndpointRateLimit.claimedClientId(tokenRequest("10.0.0.7", "form-client")))
                .isEqualTo("form-client");
        assertThat(EndpointRateLimit.claimedClientId(configuration)).isEqualTo("3f2c0d9e-1b7a-4a51-9b8e-0c6d2f1e7a10");
        assertThat(EndpointRateLimit.claimedClientId(registration)).isNull();
        assertThat(EndpointRateLimit.claimedClientId(malformed)).isNull();
        assertThat(EndpointRateLimit.claimedClientId(tokenRequest("10.0.0.7", "x".repeat(5000))))
                .hasSize(64);
    }

    @Test
    void cors_preflights_are_not_counted() {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/sandbox/oauth/token");
            preflight.setRemoteAddr("10.0.0.8");
            assertThat(send(preflight).getStatus()).isEqualTo(200);
        }
        assertThat(send(tokenRequest("10.0.0.8", "client-e")).getStatus()).isEqualTo(200);
    }

    @Test
    void a_flood_of_made_up_addresses_and_clients_keeps_no_more_buckets_than_configured() {
        EndpointRateLimit small = new EndpointRateLimit(
                new RateLimitProperties(new RateLimitProperties.Limit(1, 1), new RateLimitProperties.Limit(1, 1), 10),
                time);
        for (int i = 0; i < 1000; i++) {
            run(
                    small,
                    tokenRequest("10.1." + (i / 256) + "." + (i % 256), "made-up-" + i),
                    new MockHttpServletResponse());
        }

        assertThat(small.trackedBuckets()).isLessThanOrEqualTo(20);
    }

    @Test
    void the_limited_endpoints_are_token_introspection_revocation_and_registration_at_both_issuers() {
        assertThat(EndpointRateLimit.urlPatterns())
                .containsExactlyInAnyOrder(
                        "/sandbox/oauth/token",
                        "/sandbox/oauth/introspect",
                        "/sandbox/oauth/revoke",
                        "/sandbox/oauth/register/*",
                        "/production/oauth/token",
                        "/production/oauth/introspect",
                        "/production/oauth/revoke",
                        "/production/oauth/register/*");
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        run(limit, request, response);
        return response;
    }

    private static void run(
            EndpointRateLimit filter, MockHttpServletRequest request, MockHttpServletResponse response) {
        try {
            filter.doFilter(request, response, new MockFilterChain());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest tokenRequest(String address, String clientId) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/oauth/token");
        request.setRemoteAddr(address);
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter("grant_type", "refresh_token");
        request.addParameter("client_id", clientId);
        return request;
    }

    private static MockHttpServletRequest revocationRequest(String address, String clientId) {
        MockHttpServletRequest request = tokenRequest(address, clientId);
        request.setRequestURI("/production/oauth/revoke");
        return request;
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class FakeTime implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
