package org.devportal.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests can move forward: the system clock shifted by an offset, or, when made with a fixed
 * instant, a frozen clock. Reset it after each test.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Instant fixed;
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    /** The system clock, shifted. */
    public MutableClock() {
        this.fixed = null;
    }

    /** A frozen clock, which moves only when told to. */
    public MutableClock(Instant fixed) {
        this.fixed = fixed;
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /**
     * Stops the clock where it is until {@link #reset}, for a test whose outcome must not depend on how fast this
     * machine is (a burst of requests that must all fall within a leeway, however long they queue).
     */
    public void freeze() {
        frozen.set(instant());
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen.get();
        if (stopped != null) {
            return stopped.plus(offset.get());
        }
        return (fixed == null ? Instant.now() : fixed).plus(offset.get());
    }
}
