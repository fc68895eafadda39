package org.devportal.logos;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Finds HTML and script markup inside the metadata of an image: the mark of a polyglot, a file that is both an
 * image and a web page. The rule for polyglots has two parts. A file that starts with markup is no PNG or JPEG and
 * is refused by {@link FileTypes}. A PNG or JPEG whose metadata (JPEG APPn and COM segments, PNG chunks other than
 * image data) holds an HTML or script tag is refused here. The pipeline never serves an upload as it came, so such
 * a file could do no harm through it; it is refused anyway, because no image editor writes markup into metadata,
 * and keeping the original around (for a re-crop, say) must never mean keeping a web page.
 * <p>
 * The compressed image data itself is not searched: it is random-looking bytes in which short tags would turn up
 * by chance, and the decoder never treats it as text. Neither is anything after the end of the image, where some
 * phones append legitimate data (a motion photo's video).
 * <p>
 * XMP metadata is XML and is common, but XML escapes every {@code <} inside text, so the tags looked for here
 * never appear in it. Each tag must be followed by a delimiter, which keeps chance matches in binary metadata
 * (thumbnails, ICC profiles) unlikely enough to ignore.
 */
final class Markup {

    private static final byte[][] TAGS =
            ascii("<script", "<html", "<body", "<iframe", "<svg", "<object", "<embed", "<?php", "<!doctype");
    private static final byte[] JAVASCRIPT_URL = ascii("javascript:")[0];

    private Markup() {}

    /** Whether {@code b[from, to)} holds an HTML or script tag. */
    static boolean isIn(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '<') {
                for (byte[] tag : TAGS) {
                    int end = i + tag.length;
                    if (end <= to && matches(b, i, tag) && (end == to || isDelimiter(b[end]))) {
                        return true;
                    }
                }
            } else if ((c | 0x20) == 'j' && i + JAVASCRIPT_URL.length <= to && matches(b, i, JAVASCRIPT_URL)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] b, int at, byte[] lowerCase) {
        for (int k = 0; k < lowerCase.length; k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') {
                c |= 0x20;
            }
            if (c != lowerCase[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '>' || c == '/';
    }

    private static byte[][] ascii(String... words) {
        byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = words[i].getBytes(US_ASCII);
        }
        return bytes;
    }
}
