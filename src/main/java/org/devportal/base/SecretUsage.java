package org.devportal.base;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How often client secrets were used, read from what the audit log keeps of the requests they authenticated (see
 * {@link Audited#secretId()}). The credentials module asks; the audit module, which owns those rows, answers, so
 * neither imports the other.
 */
public interface SecretUsage {

    /**
     * The use of each secret that has any in the last {@link Counts#WEEK}. Counts cover whole clock hours: the
     * period "the last 24 hours" at 14:30 starts at 14:00 the day before, since repeated requests are kept as one
     * count per hour.
     */
    Map<UUID, Counts> of(Collection<UUID> secretIds, Instant now);

    /**
     * @param lastHour uses since the start of the clock hour an hour ago
     * @param lastDay uses since the start of the clock hour 24 hours ago
     * @param lastWeek uses since the start of the clock hour 7 days ago
     * @param lastAt the newest use, exact
     * @param lastAction what the newest use was ("Tokens refreshed")
     */
    record Counts(long lastHour, long lastDay, long lastWeek, Instant lastAt, String lastAction) {

        public static final java.time.Duration HOUR = java.time.Duration.ofHours(1);
        public static final java.time.Duration DAY = java.time.Duration.ofHours(24);
        public static final java.time.Duration WEEK = java.time.Duration.ofDays(7);

        public static final Counts NONE = new Counts(0, 0, 0, null, null);

        /** The start of the clock hour {@code period} before {@code now}: where a count over the period starts. */
        public static Instant since(Instant now, java.time.Duration period) {
            return now.minus(period).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        }
    }
}
