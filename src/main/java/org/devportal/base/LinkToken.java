package org.devportal.base;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The random part of a single-use link (e-mail verification, password reset, team invitation): 256 bits,
 * base64url. Only its SHA-256 is stored, so a database leak does not leak working links.
 */
public record LinkToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    public LinkToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("This link is not valid. Copy the whole link from the e-mail.");
        }
    }

    public static LinkToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "LinkToken[redacted]";
    }
}
