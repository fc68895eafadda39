package org.devportal.security.idp;

/** The outcome of asking for a new verification link from an old one. */
public enum ResendResult {
    SENT("We have sent a new verification link. Check your inbox."),
    ALREADY_VERIFIED("This address is already verified. You can sign in."),
    UNKNOWN_LINK("This link is not valid, so we cannot tell which account it was for. Sign in to ask for a new one.");

    private final String message;

    ResendResult(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
