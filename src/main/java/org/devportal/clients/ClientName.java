package org.devportal.clients;

/**
 * A client's name as users see it at consent: 1–100 characters after trimming, no control characters. The
 * platform-branding rule needs configuration and lives in {@link ClientRules}.
 */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 100;

    public ClientName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Enter the name users will see when they connect your integration");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("Use at most " + MAX_LENGTH + " characters for the client name");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "The client name cannot contain control characters such as tabs or line breaks");
        }
    }
}
