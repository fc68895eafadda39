package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.devportal.logos.LogoRejectedException.Reason.UNSUPPORTED_TYPE;

import java.util.Arrays;
import java.util.Locale;

/**
 * Tells the type of an upload from its first bytes, never from its name or declared content type, which the
 * browser takes from the user's file system. Anything but PNG and JPEG is refused, and the common wrong formats
 * get a message that says what to do instead.
 */
final class FileTypes {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String EXPORT_PNG = "export a PNG at 512×512 or larger";

    private FileTypes() {}

    static LogoType detect(byte[] b) {
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return LogoType.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return LogoType.JPEG;
        }
        throw new LogoRejectedException(UNSUPPORTED_TYPE, whatElse(b));
    }

    private static String whatElse(byte[] b) {
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return refused("GIF logos");
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return refused("WebP logos");
        }
        if (startsWith(b, 4, "ftyp")) {
            String brand = ascii(b, 8, 4);
            if (brand.startsWith("avi")) {
                return refused("AVIF images");
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return "HEIC images (the iPhone's photo format) are not accepted; " + EXPORT_PNG + ", or a JPEG";
            }
            return "This file is a video or another ISO media file, not an image; " + EXPORT_PNG;
        }
        if (startsWith(b, 0, "BM")) {
            return refused("BMP images");
        }
        if (startsWith(b, 0, "II*\0") || startsWith(b, 0, "MM\0*")) {
            return refused("TIFF images");
        }
        if (startsWith(b, 0, "\0\0\1\0")) {
            return refused("Icon (ICO) files");
        }
        if (startsWith(b, 0, "%PDF")) {
            return refused("PDF files");
        }
        if (startsWith(b, 0, "\u00FF\n") || startsWith(b, 0, "\0\0\0\u000CJXL ")) {
            return refused("JPEG XL images");
        }
        if (startsWith(b, 0, "\0\0\0\u000CjP  ")) {
            return refused("JPEG 2000 images");
        }
        String markup = markupKind(b);
        if (markup != null) {
            return markup;
        }
        return "This file is not a PNG or JPEG image; " + EXPORT_PNG;
    }

    /** SVG and HTML are text that starts with markup, perhaps after a byte-order mark and white space. */
    private static String markupKind(byte[] b) {
        int start = startsWith(b, 0, "\u00EF\u00BB\u00BF") ? 3 : 0;
        while (start < b.length && Character.isWhitespace(b[start])) {
            start++;
        }
        if (start >= b.length || b[start] != '<') {
            return null;
        }
        String head = ascii(b, start, 4096).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return "SVG logos are not accepted; " + EXPORT_PNG;
        }
        if (head.contains("<html")
                || head.contains("<!doctype html")
                || head.contains("<script")
                || head.contains("<body")) {
            return "This file is a web page (HTML), not an image; " + EXPORT_PNG;
        }
        return "This file is text with markup (such as XML), not an image; " + EXPORT_PNG;
    }

    private static String refused(String what) {
        return what + " are not accepted; " + EXPORT_PNG;
    }

    static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        return b.length >= offset + prefix.length
                && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** {@code prefix} holds only characters up to U+00FF, one byte each. */
    private static boolean startsWith(byte[] b, int offset, String prefix) {
        return startsWith(b, offset, prefix.getBytes(ISO_8859_1));
    }

    private static String ascii(byte[] b, int offset, int length) {
        int end = Math.min(b.length, offset + length);
        return offset >= end ? "" : new String(b, offset, end - offset, ISO_8859_1);
    }
}
