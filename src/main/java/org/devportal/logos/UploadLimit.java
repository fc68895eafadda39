package org.devportal.logos;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Logo uploads per user: a Bucket4j token bucket of {@code perMinute} uploads, refilled over a minute. Decoding is
 * the portal's most expensive request, so one user's uploads must not crowd out everyone else's. Buckets live in
 * memory on each node (behind a load balancer the limit is per node) and are forgotten a minute after last use,
 * when they would be full again anyway.
 */
final class UploadLimit {

    private final int perMinute;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    UploadLimit(int perMinute, TimeMeter time) {
        this.perMinute = perMinute;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(1))
                .ticker(time::currentTimeNanos)
                .executor(Runnable::run)
                .build();
    }

    /** Takes one upload from the user's allowance, or refuses with how long to wait. */
    void take(String user) {
        ConsumptionProbe probe = buckets.get(
                        user,
                        key -> Bucket.builder()
                                .addLimit(limit ->
                                        limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                                .withCustomTimePrecision(time)
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new LogoRejectedException(
                    LogoRejectedException.Reason.RATE_LIMITED,
                    "You have uploaded " + perMinute + " logos within a minute. Wait " + seconds
                            + (seconds == 1 ? " second" : " seconds") + ", then upload again.");
        }
    }
}
