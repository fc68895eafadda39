package org.devportal.security.idp;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B): long enough, not absurdly long, and not one of the passwords
 * every attacker tries first. No composition rules: they make passwords weaker, not stronger.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password1234",
            "123456789012",
            "qwertyuiopas",
            "passwordpassword",
            "iloveyou1234",
            "letmein12345",
            "welcome12345",
            "administrator",
            "changeme1234",
            "qwerty123456",
            "111111111111",
            "000000000000",
            "abc123456789",
            "password123!");

    private PasswordPolicy() {}

    /** Returns the problem with the password, or null when it is acceptable. */
    static String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "Enter a password";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters; a few random words work well";
        }
        if (length > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() <= 2) {
            return "This password is too easy to guess; choose another";
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT))) {
            return "Do not use your e-mail address in your password";
        }
        return null;
    }
}
