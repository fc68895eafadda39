package org.devportal.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The review queue as gauges, read from the database at each scrape: {@code portal.review.queue.length} (reviews
 * waiting for a decision) and {@code portal.review.queue.oldest.age} (seconds the oldest one has waited, 0 when
 * none waits). Every node reports the same figures, since they come from the shared database.
 */
@Component
class ReviewQueueMetrics implements MeterBinder {

    private final ReviewRepository reviews;
    private final Clock clock;

    ReviewQueueMetrics(ReviewRepository reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "portal.review.queue.length",
                        this,
                        metrics -> metrics.reviews.countByStatus(ReviewStatus.WAITING))
                .description("Reviews waiting for a decision")
                .register(registry);
        Gauge.builder("portal.review.queue.oldest.age", this, ReviewQueueMetrics::oldestAgeSeconds)
                .description("How long the oldest waiting review has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant oldest = reviews.oldestSubmittedAt(ReviewStatus.WAITING);
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }
}
