package org.devportal.authserver;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of the issuers' machine endpoints ({@code portal.authserver.rate-limit.*}): token, introspection,
 * revocation and registration. Each limit is a token bucket: {@code burst} requests at once, refilled at
 * {@code requests-per-second}.
 *
 * @param perClient per client ID the request names (HTTP Basic user name, {@code client_id} or the registration
 *     path), whether or not it authenticates
 * @param perAddress per source address
 * @param trackedKeys at most this many clients and as many addresses are tracked at once; the least recently seen
 *     are forgotten first, so a flood of made-up client IDs or addresses cannot exhaust memory
 */
@ConfigurationProperties("portal.authserver.rate-limit")
public record RateLimitProperties(Limit perClient, Limit perAddress, Integer trackedKeys) {

    public RateLimitProperties {
        perClient = perClient == null ? new Limit(100, 300) : perClient;
        perAddress = perAddress == null ? new Limit(200, 600) : perAddress;
        trackedKeys = trackedKeys == null ? 50_000 : trackedKeys;
        if (trackedKeys < 1) {
            throw new IllegalArgumentException("portal.authserver.rate-limit.tracked-keys must be at least 1");
        }
    }

    /** One token bucket: {@code burst} requests at once, then {@code requestsPerSecond} on average. */
    public record Limit(int requestsPerSecond, int burst) {

        public Limit {
            if (requestsPerSecond < 1 || burst < 1) {
                throw new IllegalArgumentException(
                        "A rate limit needs at least 1 request per second and a burst of at least 1");
            }
        }
    }
}
