package org.devportal.base;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Hourly limits on actions that send e-mail or create accounts (sign-up, password reset, a new verification link,
 * invitations), per source address and per account, each a Bucket4j token bucket that refills evenly over the hour.
 * The source address is {@link HttpServletRequest#getRemoteAddr()}: the peer, or what a trusted proxy forwarded.
 * Buckets live in memory on each node, at most 100,000 of them, the least recently used forgotten first.
 */
@Component
public class RateLimits {

    private static final Duration PERIOD = Duration.ofHours(1);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(PERIOD)
            .executor(Runnable::run)
            .build();

    /**
     * Takes one from the action's allowance for the current request's address and for the account, or refuses.
     *
     * @param action what is limited, such as {@code "sign-up"}
     * @param account the account or e-mail address the action is for; null when there is none
     * @param limit the allowance per hour for each address and each account
     */
    public void take(String action, String account, Limit limit) {
        take(action + "|address|" + currentAddress(), limit.perAddress());
        if (account != null) {
            take(action + "|account|" + account.strip().toLowerCase(Locale.ROOT), limit.perAccount());
        }
    }

    private void take(String key, int perHour) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, PERIOD))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TryAgainLaterException(
                    "Too many requests of this kind. Try again in " + (minutes == 1 ? "a minute" : minutes + " minutes")
                            + ".",
                    wait);
        }
    }

    /** The address of the request being served, or "unknown" outside a request. */
    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null ? "unknown" : address;
        }
        return "unknown";
    }

    /**
     * An hourly allowance.
     *
     * @param perAddress how many per source address
     * @param perAccount how many per account or e-mail address
     */
    public record Limit(int perAddress, int perAccount) {

        public Limit {
            if (perAddress < 1 || perAccount < 1) {
                throw new IllegalArgumentException("A rate limit must allow at least one request an hour");
            }
        }
    }
}
