package org.devportal.registration;

/**
 * A registration request the API refuses with 400 and an RFC 7591 §3.2.2 error: {@code invalid_redirect_uri} or
 * {@code invalid_client_metadata}. The description names the field and the rule, and never repeats a token.
 */
public class RegistrationException extends RuntimeException {

    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";

    private final String error;

    RegistrationException(String error, String description) {
        super(description);
        this.error = error;
    }

    static RegistrationException invalidMetadata(String description) {
        return new RegistrationException(INVALID_CLIENT_METADATA, description);
    }

    /** The error code of RFC 7591 §3.2.2. */
    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
