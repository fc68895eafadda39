package org.devportal.base;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes dates and times for people: in English, in UTC, and saying so where a time is shown. */
public final class Times {

    /** {@code 29 Nov 2026} */
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** {@code 29 Nov 2026, 14:05 UTC} */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Times() {}
}
