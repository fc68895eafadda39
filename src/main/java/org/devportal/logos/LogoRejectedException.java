package org.devportal.logos;

import org.devportal.base.InvalidInputException;

/**
 * An upload or crop box that cannot become a logo. The message is meant for the user: it says what is wrong and
 * what to do instead. Every way an upload can fail ends here, so that a view needs to catch only this.
 */
public class LogoRejectedException extends InvalidInputException {

    /** The form field the error belongs to. */
    public static final String FIELD = "logo";

    /** Why the upload was refused; for logs and metrics, since the message is what the user reads. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        ANIMATED,
        EMBEDDED_MARKUP,
        DAMAGED,
        TOO_MANY_PIXELS,
        TOO_FEW_PIXELS,
        INVALID_CROP,
        TOO_COSTLY,
        BUSY,
        RATE_LIMITED
    }

    private final Reason reason;

    public LogoRejectedException(Reason reason, String message) {
        super(FIELD, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
