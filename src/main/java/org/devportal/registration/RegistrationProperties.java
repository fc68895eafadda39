package org.devportal.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registration API settings ({@code portal.registration.*}).
 *
 * @param accessTokenLifetime how long a registration access token works after it was issued; every use issues a
 *     new one, so automation that uses it within this time never sees it expire
 * @param accessTokenGrace how long the token before the current one still works, in case the answer that carried
 *     the new one was lost; it ends early once the new one is used
 */
@ConfigurationProperties("portal.registration")
public record RegistrationProperties(Duration accessTokenLifetime, Duration accessTokenGrace) {

    public RegistrationProperties {
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofDays(90) : accessTokenLifetime;
        accessTokenGrace = accessTokenGrace == null ? Duration.ofMinutes(2) : accessTokenGrace;
        if (!accessTokenLifetime.isPositive() || accessTokenGrace.isNegative()) {
            throw new IllegalArgumentException(
                    "portal.registration.access-token-lifetime must be positive and the grace zero or more");
        }
    }
}
