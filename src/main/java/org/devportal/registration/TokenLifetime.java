package org.devportal.registration;

import java.time.Duration;

/** How long an initial access token works, from its creation. */
public enum TokenLifetime {
    ONE_HOUR(Duration.ofHours(1), "1 hour"),
    TWENTY_FOUR_HOURS(Duration.ofHours(24), "24 hours"),
    SEVEN_DAYS(Duration.ofDays(7), "7 days"),
    THIRTY_DAYS(Duration.ofDays(30), "30 days");

    private final Duration duration;
    private final String label;

    TokenLifetime(Duration duration, String label) {
        this.duration = duration;
        this.label = label;
    }

    public Duration duration() {
        return duration;
    }

    public String label() {
        return label;
    }
}
