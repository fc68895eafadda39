package org.devportal.base;

import java.time.Duration;

/**
 * A request refused for now: too many of its kind from this address or for this account, or the server is busy.
 * Views show the message as for any other input error; it names no field.
 */
public class TryAgainLaterException extends InvalidInputException {

    private final Duration retryAfter;

    public TryAgainLaterException(String message, Duration retryAfter) {
        super("form", message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
