package org.devportal.credentials;

import java.time.Duration;

/** How long the previous secret stays valid after a rotation, so that clients can be redeployed without downtime. */
public enum GracePeriod {
    NOW(Duration.ZERO, "Revoke now"),
    ONE_HOUR(Duration.ofHours(1), "1 hour"),
    TWENTY_FOUR_HOURS(Duration.ofHours(24), "24 hours"),
    SEVEN_DAYS(Duration.ofDays(7), "7 days");

    private final Duration duration;
    private final String label;

    GracePeriod(Duration duration, String label) {
        this.duration = duration;
        this.label = label;
    }

    public Duration duration() {
        return duration;
    }

    /** What the user picks from. */
    public String label() {
        return label;
    }

    /** Whether the previous secret stops working at once instead of expiring later. */
    public boolean isImmediate() {
        return duration.isZero();
    }
}
