package org.devportal.teams;

/** A team's name: 1–60 characters after trimming, no control characters. */
public record TeamName(String value) {

    public static final int MAX_LENGTH = 60;

    public TeamName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Enter a team name");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("Team names can be at most " + MAX_LENGTH + " characters long");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Team names cannot contain control characters");
        }
    }
}
