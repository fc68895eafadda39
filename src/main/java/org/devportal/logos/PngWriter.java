package org.devportal.logos;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes 8-bit RGB or RGBA PNGs with exactly the chunks IHDR, sRGB, IDAT and IEND. Writing the file here, rather
 * than through an image library that carries metadata along, is what guarantees that nothing of the upload
 * (EXIF, GPS position, ICC profile, text) survives: there is no code path that could write it.
 */
final class PngWriter {

    /**
     * The fastest deflate level. The row filters do most of the work: higher levels save a few kilobytes on a
     * flat logo and a few per cent on a photo, and take four to five times as long on a photo.
     */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private static final int RENDERING_INTENT_PERCEPTUAL = 0;

    // Filter types (ISO/IEC 15948, 9.2)
    private static final int NONE = 0;
    private static final int SUB = 1;
    private static final int UP = 2;
    private static final int AVERAGE = 3;
    private static final int PAETH = 4;

    private PngWriter() {}

    static byte[] write(Pixels pixels, boolean alpha) {
        int width = pixels.width();
        int height = pixels.height();
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = (byte) (alpha ? 6 : 2); // colour type: RGBA or RGB
        // compression, filter method and interlace are all 0: deflate, adaptive filtering, no interlace

        byte[] data = deflate(filter(pixels, alpha));

        ByteArrayOutputStream png = new ByteArrayOutputStream(data.length + 64);
        png.writeBytes(FileTypes.PNG_SIGNATURE);
        chunk(png, "IHDR", header);
        // The pixels were converted to sRGB; saying so keeps viewers from guessing.
        chunk(png, "sRGB", new byte[] {RENDERING_INTENT_PERCEPTUAL});
        chunk(png, "IDAT", data);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * Each row gets the filter that leaves the smallest sum of absolute byte values, the heuristic the PNG
     * specification recommends (ISO/IEC 15948, 12.8).
     * <p>
     * The bytes of a row are held as ints, with one pixel of zeros in front, which is what the filters take for
     * the missing left neighbour of the first pixel (9.2). So every filter is one loop without a special case, and
     * the loops that only measure a filter, reading ints and writing nothing, are ones the JIT turns into vector
     * instructions; only the winning filter is then written out.
     */
    private static byte[] filter(Pixels pixels, boolean alpha) {
        int width = pixels.width();
        int bpp = alpha ? 4 : 3;
        int rowBytes = width * bpp;
        byte[] out = new byte[pixels.height() * (rowBytes + 1)];
        int[] previous = new int[bpp + rowBytes];
        int[] current = new int[bpp + rowBytes];
        int[] filtered = new int[bpp + rowBytes];
        int[] argb = pixels.argb();
        for (int y = 0; y < pixels.height(); y++) {
            unpack(argb, y * width, width, alpha, current);
            int[] costs = {
                noneCost(current, bpp),
                subCost(current, bpp),
                upCost(current, previous, bpp),
                averageCost(current, previous, bpp),
                paethCost(current, previous, bpp),
            };
            int best = NONE;
            for (int type = SUB; type <= PAETH; type++) {
                if (costs[type] < costs[best]) {
                    best = type;
                }
            }
            apply(best, current, previous, bpp, filtered);
            int at = y * (rowBytes + 1);
            out[at] = (byte) best;
            for (int i = 0; i < rowBytes; i++) {
                out[at + 1 + i] = (byte) filtered[bpp + i];
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return out;
    }

    private static void unpack(int[] argb, int from, int width, boolean alpha, int[] row) {
        int bpp = alpha ? 4 : 3;
        for (int x = 0, i = bpp; x < width; x++, i += bpp) {
            int p = argb[from + x];
            row[i] = p >> 16 & 0xFF;
            row[i + 1] = p >> 8 & 0xFF;
            row[i + 2] = p & 0xFF;
            if (alpha) {
                row[i + 3] = p >>> 24;
            }
        }
    }

    // Each filter's measure for the heuristic: the filtered bytes' absolute values, taken as signed. One small
    // method per filter, not one with a switch: the JIT then reliably compiles each loop into vector instructions.

    private static int noneCost(int[] row, int bpp) {
        int cost = 0;
        for (int i = bpp; i < row.length; i++) {
            cost += magnitude(row[i]);
        }
        return cost;
    }

    private static int subCost(int[] row, int bpp) {
        int cost = 0;
        for (int i = bpp; i < row.length; i++) {
            cost += magnitude(row[i] - row[i - bpp]);
        }
        return cost;
    }

    private static int upCost(int[] row, int[] above, int bpp) {
        int cost = 0;
        for (int i = bpp; i < row.length; i++) {
            cost += magnitude(row[i] - above[i]);
        }
        return cost;
    }

    private static int averageCost(int[] row, int[] above, int bpp) {
        int cost = 0;
        for (int i = bpp; i < row.length; i++) {
            cost += magnitude(row[i] - (row[i - bpp] + above[i] >>> 1));
        }
        return cost;
    }

    /**
     * {@link #paeth} written out: the JIT inlines a method of its size only where it has seen it called often, and
     * only inlined does this loop become vector instructions.
     */
    private static int paethCost(int[] row, int[] above, int bpp) {
        int cost = 0;
        for (int i = bpp; i < row.length; i++) {
            int left = row[i - bpp];
            int up = above[i];
            int upLeft = above[i - bpp];
            int toLeft = Math.abs(up - upLeft);
            int toUp = Math.abs(left - upLeft);
            int toUpLeft = Math.abs(left + up - 2 * upLeft);
            int notLeft = (toUp - toLeft | toUpLeft - toLeft) >> 31;
            int upOrUpLeft = up ^ (up ^ upLeft) & (toUpLeft - toUp) >> 31;
            cost += magnitude(row[i] - (left ^ (left ^ upOrUpLeft) & notLeft));
        }
        return cost;
    }

    /**
     * Puts the row filtered with {@code type} into {@code filtered}, as ints: the JIT compiles loops of one element
     * type better than ones that compute in ints and store bytes.
     */
    private static void apply(int type, int[] row, int[] above, int bpp, int[] filtered) {
        switch (type) {
            case NONE -> System.arraycopy(row, bpp, filtered, bpp, row.length - bpp);
            case SUB -> {
                for (int i = bpp; i < row.length; i++) {
                    filtered[i] = row[i] - row[i - bpp];
                }
            }
            case UP -> {
                for (int i = bpp; i < row.length; i++) {
                    filtered[i] = row[i] - above[i];
                }
            }
            case AVERAGE -> {
                for (int i = bpp; i < row.length; i++) {
                    filtered[i] = row[i] - (row[i - bpp] + above[i] >>> 1);
                }
            }
            default -> {
                for (int i = bpp; i < row.length; i++) {
                    filtered[i] = row[i] - paeth(row[i - bpp], above[i], above[i - bpp]);
                }
            }
        }
    }

    /** The absolute value of a filtered byte taken as signed, from the int it was computed in. */
    private static int magnitude(int filtered) {
        return Math.abs(filtered << 24 >> 24);
    }

    /**
     * The Paeth predictor (9.4): of left, up and upper left, the nearest to left + up - upper left, ties in that
     * order. Masks take the place of its comparisons, so that the loops calling it have no branch. {@link PngDecoder}
     * undoes the filter with it.
     */
    static int paeth(int left, int up, int upLeft) {
        int toLeft = Math.abs(up - upLeft);
        int toUp = Math.abs(left - upLeft);
        int toUpLeft = Math.abs(left + up - 2 * upLeft);
        int notLeft = (toUp - toLeft | toUpLeft - toLeft) >> 31;
        int upOrUpLeft = up ^ (up ^ upLeft) & (toUpLeft - toUp) >> 31;
        return left ^ (left ^ upOrUpLeft) & notLeft;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        byte[] name = type.getBytes(US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        png.writeBytes(length);
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(checksum);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
