package org.devportal.security.idp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per source address, and makes repeated failures wait, with the wait
 * doubling on each further failure. Accounts are keyed by the e-mail address entered, whether or not an account
 * exists, so the throttle behaves the same for unknown accounts and reveals nothing.
 * <p>
 * The counters live in memory: they protect one node. Behind a load balancer each node throttles on its own,
 * which still bounds guessing to a small multiple of the configured rate.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final IdpProperties.Throttle settings;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, IdpProperties.Throttle settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** How long a sign-in for this account from this address must wait; zero when it may go ahead. */
    public Duration retryAfter(String account, String address) {
        Instant now = clock.instant();
        Duration accountWait = wait(accounts.get(key(account)), settings.accountFailures(), now);
        Duration addressWait = wait(addresses.get(key(address)), settings.addressFailures(), now);
        return accountWait.compareTo(addressWait) >= 0 ? accountWait : addressWait;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        evictIfLarge(now);
        accounts.compute(key(account), (k, current) -> Failures.next(current, now, settings.window()));
        addresses.compute(key(address), (k, current) -> Failures.next(current, now, settings.window()));
    }

    /** A successful sign-in clears the account's failures; the address keeps its count. */
    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    /** Failures counted against a source address within the window. */
    int failuresFrom(String address) {
        Failures failures = addresses.get(key(address));
        return failures == null || failures.expired(clock.instant(), settings.window()) ? 0 : failures.count();
    }

    /** Whether the throttle keeps a counter for this source address. */
    boolean tracks(String address) {
        return addresses.containsKey(key(address));
    }

    private Duration wait(Failures failures, int allowed, Instant now) {
        if (failures == null || failures.expired(now, settings.window()) || failures.count() < allowed) {
            return Duration.ZERO;
        }
        int excess = Math.min(failures.count() - allowed, 20);
        Duration delay = settings.baseDelay().multipliedBy(1L << excess);
        if (delay.compareTo(settings.maxDelay()) > 0) {
            delay = settings.maxDelay();
        }
        Instant until = failures.last().plus(delay);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void evictIfLarge(Instant now) {
        if (accounts.size() + addresses.size() > MAX_TRACKED) {
            accounts.values().removeIf(f -> f.expired(now, settings.window()));
            addresses.values().removeIf(f -> f.expired(now, settings.window()));
        }
    }

    private static String key(String value) {
        return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private record Failures(int count, Instant first, Instant last) {

        static Failures next(Failures current, Instant now, Duration window) {
            if (current == null || current.expired(now, window)) {
                return new Failures(1, now, now);
            }
            return new Failures(current.count + 1, current.first, now);
        }

        boolean expired(Instant now, Duration window) {
            return last.plus(window).isBefore(now);
        }
    }
}
