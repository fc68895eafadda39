package org.devportal.logos;

/**
 * Reads the one EXIF value the pipeline needs, the orientation, from a JPEG APP1 segment. Everything else in EXIF
 * (camera, time, GPS position) is left unread and never reaches the output.
 */
final class Exif {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private Exif() {}

    /**
     * The orientation in {@code b[from, to)}, the payload of an APP1 segment, or {@code null} if it is not EXIF
     * or names none. Malformed EXIF is ignored rather than refused: the decoder does not need it.
     */
    static Orientation orientation(byte[] b, int from, int to) {
        // "Exif\0\0", then a TIFF header: byte order ("II" or "MM"), 42, offset of the first IFD.
        if (to - from < 14
                || b[from] != 'E'
                || b[from + 1] != 'x'
                || b[from + 2] != 'i'
                || b[from + 3] != 'f'
                || b[from + 4] != 0
                || b[from + 5] != 0) {
            return null;
        }
        int tiff = from + 6;
        boolean littleEndian;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return null;
        }
        if (u16(b, tiff + 2, littleEndian) != 42) {
            return null;
        }
        long ifd = tiff + u32(b, tiff + 4, littleEndian);
        if (ifd + 2 > to) {
            return null;
        }
        int entries = u16(b, (int) ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > to) {
                return null;
            }
            int at = (int) entry;
            if (u16(b, at, littleEndian) == ORIENTATION_TAG) {
                if (u16(b, at + 2, littleEndian) != TYPE_SHORT || u32(b, at + 4, littleEndian) != 1) {
                    return null;
                }
                return Orientation.ofExif(u16(b, at + 8, littleEndian));
            }
        }
        return null;
    }

    private static int u16(byte[] b, int at, boolean littleEndian) {
        return littleEndian ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean littleEndian) {
        return littleEndian
                ? (long) u16(b, at + 2, true) << 16 | u16(b, at, true)
                : (long) u16(b, at, false) << 16 | u16(b, at + 2, false);
    }
}
