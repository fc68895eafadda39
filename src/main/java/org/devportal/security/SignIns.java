package org.devportal.security;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code portal.signins} counter, by outcome: at the built-in identity provider a password sign-in succeeds,
 * fails or is throttled; at the portal an OIDC callback can still be refused (a stale state, a denied consent).
 */
public final class SignIns {

    public static final String METRIC = "portal.signins";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String THROTTLED = "throttled";
    public static final String CALLBACK_REFUSED = "callback_refused";

    private SignIns() {}

    public static void count(MeterRegistry meters, String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }
}
