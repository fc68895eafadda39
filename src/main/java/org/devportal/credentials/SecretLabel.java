package org.devportal.credentials;

import java.util.Optional;
import org.devportal.base.InvalidInputException;

/**
 * What a team calls a secret, to tell its secrets apart ("CI", "prod cluster A"). It is shown on the client page
 * and in the history, so it is short, one line, and free of control and formatting characters: a bidirectional
 * override could make a label read as something it is not.
 */
public record SecretLabel(String value) {

    public static final int MAX_LENGTH = 60;

    public SecretLabel {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("label", "A label needs at least one visible character");
        }
        if (value.length() > 4 * MAX_LENGTH || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidInputException("label", "A label has at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(SecretLabel::isControl)) {
            throw new InvalidInputException(
                    "label", "A label is one line of plain text: no line breaks, tabs or other control characters");
        }
        if (!value.equals(value.strip())) {
            throw new InvalidInputException("label", "A label does not start or end with spaces");
        }
    }

    /** The label typed into a form: surrounding spaces are dropped, and an empty field means no label. */
    public static Optional<SecretLabel> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SecretLabel(typed.strip()));
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    @Override
    public String toString() {
        return value;
    }
}
