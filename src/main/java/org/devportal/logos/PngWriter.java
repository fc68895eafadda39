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

    private PngWriter() {
    }

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
     */
    private static byte[] filter(Pixels pixels, boolean alpha) {
        int width = pixels.width();
        int bpp = alpha ? 4 : 3;
        int rowBytes = width * bpp;
        byte[] out = new byte[pixels.height() * (rowBytes + 1)];
        byte[] previous = new byte[rowBytes];
        byte[] current = new byte[rowBytes];
        byte[][] candidates = new byte[5][rowBytes];
        int[] costs = new int[5];
        int[] argb = pixels.argb();
        for (int y = 0; y < pixels.height(); y++) {
            unpack(argb, y * width, width, alpha, current);
            costs[NONE] = none(current, candidates[NONE]);
            costs[SUB] = sub(current, bpp, candidates[SUB]);
            costs[UP] = up(current, previous, candidates[UP]);
            costs[AVERAGE] = average(current, previous, bpp, candidates[AVERAGE]);
            costs[PAETH] = paeth(current, previous, bpp, candidates[PAETH]);
            int best = NONE;
            for (int type = SUB; type <= PAETH; type++) {
                if (costs[type] < costs[best]) {
                    best = type;
                }
            }
            int at = y * (rowBytes + 1);
            out[at] = (byte) best;
            System.arraycopy(candidates[best], 0, out, at + 1, rowBytes);
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
        return out;
    }

    private static void unpack(int[] argb, int from, int width, boolean alpha, byte[] row) {
        for (int x = 0, i = 0; x < width; x++) {
            int p = argb[from + x];
            row[i++] = (byte) (p >> 16);
            row[i++] = (byte) (p >> 8);
            row[i++] = (byte) p;
            if (alpha) {
                row[i++] = (byte) (p >>> 24);
            }
        }
    }

    // Each filter fills its candidate row and returns the row's cost. The first pixel, which has no left
    // neighbour, is done apart, so that the main loops have no branch and the JIT can vectorise them.

    private static int none(byte[] row, byte[] out) {
        int cost = 0;
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
            cost += Math.abs(row[i]);
        }
        return cost;
    }

    private static int sub(byte[] row, int bpp, byte[] out) {
        int cost = 0;
        for (int i = 0; i < bpp; i++) {
            out[i] = row[i];
            cost += Math.abs(row[i]);
        }
        for (int i = bpp; i < row.length; i++) {
            byte filtered = (byte) (row[i] - row[i - bpp]);
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        return cost;
    }

    private static int up(byte[] row, byte[] previous, byte[] out) {
        int cost = 0;
        for (int i = 0; i < row.length; i++) {
            byte filtered = (byte) (row[i] - previous[i]);
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        return cost;
    }

    private static int average(byte[] row, byte[] previous, int bpp, byte[] out) {
        int cost = 0;
        for (int i = 0; i < bpp; i++) {
            byte filtered = (byte) (row[i] - ((previous[i] & 0xFF) >>> 1));
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        for (int i = bpp; i < row.length; i++) {
            byte filtered = (byte) (row[i] - (((row[i - bpp] & 0xFF) + (previous[i] & 0xFF)) >>> 1));
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        return cost;
    }

    private static int paeth(byte[] row, byte[] previous, int bpp, byte[] out) {
        int cost = 0;
        for (int i = 0; i < bpp; i++) {
            byte filtered = (byte) (row[i] - previous[i]); // with no left neighbour, Paeth predicts "up"
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        for (int i = bpp; i < row.length; i++) {
            byte filtered = (byte) (row[i] - paeth(row[i - bpp] & 0xFF, previous[i] & 0xFF,
                    previous[i - bpp] & 0xFF));
            out[i] = filtered;
            cost += Math.abs(filtered);
        }
        return cost;
    }

    private static int paeth(int left, int up, int upLeft) {
        int toLeft = Math.abs(up - upLeft);
        int toUp = Math.abs(left - upLeft);
        int toUpLeft = Math.abs(left + up - 2 * upLeft);
        int nearer = toUp <= toUpLeft ? up : upLeft;
        return toLeft <= toUp && toLeft <= toUpLeft ? left : nearer;
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
