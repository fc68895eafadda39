package org.devportal.registration;

/**
 * The bearer token of a registration request is missing, unknown, or no longer valid: 401 with
 * {@code invalid_token} (RFC 6750 §3.1). The description never repeats the token.
 */
public class InvalidTokenException extends RuntimeException {

    InvalidTokenException(String description) {
        super(description);
    }

    static InvalidTokenException unknown(RegistrationToken.Kind kind) {
        return new InvalidTokenException("Send a valid " + kind.label() + " as \"Authorization: Bearer <token>\"");
    }

    public String description() {
        return getMessage();
    }
}
