package org.devportal.base;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code portal.requests.rate.limited} counter: requests refused by one of the portal's limits, tagged with
 * the limit. One name for every limit, so that one alert covers them all.
 */
public final class RateLimited {

    public static final String METRIC = "portal.requests.rate.limited";

    private RateLimited() {}

    public static void count(MeterRegistry meters, String limit) {
        meters.counter(METRIC, "limit", limit).increment();
    }
}
