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

    public void reset() {
        offset.set(Duration.ZERO);
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
        return (fixed == null ? Instant.now() : fixed).plus(offset.get());
    }
}
