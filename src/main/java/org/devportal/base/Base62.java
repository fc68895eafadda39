package org.devportal.base;

import java.security.SecureRandom;

/** The base62 alphabet ({@code 0-9A-Za-z}) of the portal's recognisable secrets and tokens. */
public final class Base62 {

    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Base62() {}

    /** Appends {@code count} characters, each drawn uniformly: nextInt(bound) is unbiased, so each carries log2(62) bits. */
    public static StringBuilder appendRandom(StringBuilder target, int count) {
        for (int i = 0; i < count; i++) {
            target.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return target;
    }

    /** Whether every character from {@code from} to the end is base62. */
    public static boolean isBase62(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
