package org.devportal.teams;

import org.devportal.base.RateLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of teams ({@code portal.teams.*}).
 *
 * @param invitations hourly limit on invitations sent, per source address and per inviting account
 */
@ConfigurationProperties("portal.teams")
public record TeamsProperties(RateLimits.Limit invitations) {

    public TeamsProperties {
        if (invitations == null) {
            invitations = new RateLimits.Limit(100, 50);
        }
    }
}
