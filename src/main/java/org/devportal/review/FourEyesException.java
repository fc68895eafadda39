package org.devportal.review;

/** A reviewer may not decide on this submission: the four-eyes rule names who else must. */
public class FourEyesException extends RuntimeException {

    /** Why the reviewer is too close to the submission. */
    public enum Reason {
        SUBMITTED("You submitted this client for review, so another reviewer must decide on it"),
        EDITED("You changed this revision of the client, so another reviewer must decide on it"),
        MEMBER("You are a member of this client's team, so another reviewer must decide on it"),
        FORMER_MEMBER("You were a member of this client's team since the client was created, so another reviewer must "
                + "decide on it");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public FourEyesException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
