package org.devportal.base;

/**
 * Input that breaks a rule. The message says what is wrong and how to fix it, in words a user can act on;
 * {@link #field()} names the form field it belongs to, so a view can show it there.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
