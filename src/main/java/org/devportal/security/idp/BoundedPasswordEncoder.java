package org.devportal.security.idp;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.devportal.base.TryAgainLaterException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Caps how many password hashes run at once. Each Argon2id hash takes 19 MiB, so without a cap a burst of sign-in
 * or sign-up requests could exhaust the heap. A hash beyond the cap waits a short, bounded time for a permit and is
 * then refused with a message asking to try again.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    static final String BUSY = "Many people are signing in right now. Wait a moment and try again.";

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final Duration wait;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrent, Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("At least one password hash must be allowed at once");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** The most hashes that have run at the same time since the last {@link #resetMostAtOnce()}. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    void resetMostAtOnce() {
        mostAtOnce.set(running.get());
    }

    private <T> T bounded(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TryAgainLaterException(BUSY, wait);
        }
        try {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return hash.get();
        } finally {
            running.decrementAndGet();
            permits.release();
        }
    }
}
