package org.devportal.authserver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request to the issuers' token endpoints, as {@code portal.oauth.token.requests} tagged with the
 * issuer, the grant type and the outcome: a latency histogram and, through its count, the grants by outcome. It
 * wraps the rate limit, so refused floods are counted too. Only the form's {@code grant_type} is read; codes,
 * tokens and secrets never become tags.
 */
final class TokenEndpointMetrics extends OncePerRequestFilter {

    static final String METRIC = "portal.oauth.token.requests";

    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

    private final MeterRegistry meters;

    TokenEndpointMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The two issuers' token endpoints, as servlet URL patterns. */
    static String[] urlPatterns() {
        return java.util.Arrays.stream(Issuer.values())
                .map(issuer -> issuer.path() + AuthorizationServerConfiguration.TOKEN_ENDPOINT)
                .toArray(String[]::new);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            chain.doFilter(request, response);
            outcome = outcome(response.getStatus());
        } finally {
            sample.stop(Timer.builder(METRIC)
                    .description("Token endpoint requests by issuer, grant type and outcome")
                    .tag("issuer", issuer(request.getRequestURI()))
                    .tag("grant_type", grantType(request.getParameter("grant_type")))
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }

    private static String issuer(String path) {
        for (Issuer issuer : Issuer.values()) {
            if (path != null && path.contains(issuer.path() + "/")) {
                return issuer.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "unknown";
    }

    /** Only the grant types the issuers know, so that a request cannot invent tags. */
    static String grantType(String requested) {
        return requested != null && GRANT_TYPES.contains(requested) ? requested : "other";
    }

    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "granted";
        }
        return switch (status) {
            case 400 -> "refused";
            case 401 -> "client_unauthenticated";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "error" : "refused";
        };
    }
}
