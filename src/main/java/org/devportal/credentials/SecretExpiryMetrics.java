package org.devportal.credentials;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code portal.credentials.secrets.expiring}: live secrets that expire within the next 7 days, read from the
 * database at each scrape. A rising figure means teams rotate and do not finish moving to the new secret.
 */
@Component
class SecretExpiryMetrics implements MeterBinder {

    static final Duration HORIZON = Duration.ofDays(7);

    private final StoredSecretRepository secrets;
    private final Clock clock;

    SecretExpiryMetrics(StoredSecretRepository secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.credentials.secrets.expiring", this, SecretExpiryMetrics::expiringSoon)
                .description("Secrets that expire within the next 7 days")
                .register(registry);
    }

    private double expiringSoon() {
        Instant now = clock.instant();
        return secrets.countExpiringBetween(now, now.plus(HORIZON));
    }
}
