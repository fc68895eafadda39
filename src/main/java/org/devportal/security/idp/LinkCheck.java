package org.devportal.security.idp;

/** The outcome of opening a verification or reset link. */
public enum LinkCheck {
    VALID("The link is valid."),
    INVALID("This link is not valid. Copy the whole link from the e-mail, or ask for a new one."),
    EXPIRED("This link has expired. Ask for a new one."),
    USED("This link has already been used. Ask for a new one if you still need it.");

    private final String message;

    LinkCheck(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
