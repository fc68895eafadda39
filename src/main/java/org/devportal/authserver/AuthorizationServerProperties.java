package org.devportal.authserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sandbox and production issuers ({@code portal.authserver.*}).
 *
 * @param refreshLeeway how long after a refresh token was spent another request with it is taken for a concurrent
 *     refresh of the same client (two tabs, two threads) rather than for theft: it is refused without revoking the
 *     authorization. After the leeway, a reuse revokes every token of the authorization
 * @param grantLifetime how long an authorization's refresh tokens can be renewed, counted from the authorization
 *     (the user's consent); after it the client has to send the user through consent again
 */
@ConfigurationProperties("portal.authserver")
record AuthorizationServerProperties(Duration refreshLeeway, Duration grantLifetime) {

    static final Duration DEFAULT_REFRESH_LEEWAY = Duration.ofSeconds(10);
    static final Duration DEFAULT_GRANT_LIFETIME = Duration.ofDays(90);

    AuthorizationServerProperties {
        refreshLeeway = refreshLeeway == null ? DEFAULT_REFRESH_LEEWAY : refreshLeeway;
        grantLifetime = grantLifetime == null ? DEFAULT_GRANT_LIFETIME : grantLifetime;
        if (refreshLeeway.isNegative() || refreshLeeway.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "portal.authserver.refresh-leeway must be between 0 and 60 seconds: a longer leeway lets a "
                            + "stolen refresh token be tried for longer without revoking its authorization");
        }
        if (!grantLifetime.isPositive()) {
            throw new IllegalArgumentException("portal.authserver.grant-lifetime must be positive");
        }
    }
}
