package org.devportal.authserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what the issuers decide, from the same {@link GrantRecorded} events the audit log records:
 * {@code portal.oauth.grants} by issuer and action, and {@code portal.oauth.refresh.token.reuse} by issuer for the
 * reuse detections an operator wants an alert on. Listens synchronously, so a count never waits for a commit.
 */
@Component
class GrantMetrics {

    static final String GRANTS = "portal.oauth.grants";
    static final String REFRESH_TOKEN_REUSE = "portal.oauth.refresh.token.reuse";

    private final MeterRegistry meters;

    GrantMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(GrantRecorded grant) {
        String issuer = grant.issuer().name().toLowerCase(Locale.ROOT);
        meters.counter(GRANTS, "issuer", issuer, "action", grant.action().name().toLowerCase(Locale.ROOT))
                .increment();
        if (grant.action() == GrantRecorded.Action.REFRESH_TOKEN_REUSED) {
            meters.counter(REFRESH_TOKEN_REUSE, "issuer", issuer).increment();
        }
    }
}
