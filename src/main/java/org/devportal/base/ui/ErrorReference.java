package org.devportal.base.ui;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A short random reference that ties what a user sees to the full details in the log. */
final class ErrorReference {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {}

    static String next() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
