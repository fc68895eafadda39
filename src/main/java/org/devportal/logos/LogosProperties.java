package org.devportal.logos;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Logo settings ({@code portal.logos.*}).
 *
 * @param uploadsPerMinute logo uploads one user may make per minute, all at once or spread out; more are refused
 *     with how long to wait, so that one user's uploads cannot slow everyone else's
 */
@ConfigurationProperties("portal.logos")
public record LogosProperties(int uploadsPerMinute) {

    public LogosProperties {
        if (uploadsPerMinute <= 0) {
            uploadsPerMinute = 6;
        }
    }
}
