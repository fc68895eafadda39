package org.devportal.flowtest;

/**
 * How codes, tokens, verifiers and secrets appear anywhere outside memory: their first four characters and their
 * length, {@code Zx9a…(43)}. Values shorter than 12 characters show only their length, so that the four characters
 * never are a large part of the value.
 */
public final class Masked {

    private static final int SHOWN = 4;
    private static final int SHORTEST_WITH_PREFIX = 12;

    private Masked() {}

    public static String of(String value) {
        if (value == null) {
            return null;
        }
        String prefix = value.length() < SHORTEST_WITH_PREFIX ? "" : value.substring(0, SHOWN);
        return prefix + "…(" + value.length() + ")";
    }
}
