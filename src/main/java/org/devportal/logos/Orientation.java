package org.devportal.logos;

import java.awt.Rectangle;

/**
 * The EXIF orientation of a JPEG (TIFF tag 274): how the stored pixels must be turned to look right. Browsers
 * apply it when they show a JPEG, so the user crops the turned image; the server maps the crop box back onto
 * the stored pixels, decodes that region, and turns the result the same way.
 * <p>
 * Each of the eight values is a combination of a transpose (swap x and y) followed by mirroring either axis of
 * the stored image: display (x, y) shows stored (fx ? w-1-u : u, fy ? h-1-v : v), where (u, v) is (y, x) when
 * transposed and (x, y) otherwise.
 */
enum Orientation {
    NORMAL(false, false, false),
    MIRROR_HORIZONTAL(false, true, false),
    ROTATE_180(false, true, true),
    MIRROR_VERTICAL(false, false, true),
    TRANSPOSE(true, false, false),
    ROTATE_90_CW(true, false, true),
    TRANSVERSE(true, true, true),
    ROTATE_270_CW(true, true, false);

    private final boolean transpose;
    private final boolean flipX;
    private final boolean flipY;

    Orientation(boolean transpose, boolean flipX, boolean flipY) {
        this.transpose = transpose;
        this.flipX = flipX;
        this.flipY = flipY;
    }

    /** The orientation for an EXIF value; values outside 1..8 are treated as 1, as browsers do. */
    static Orientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    int displayWidth(int storedWidth, int storedHeight) {
        return transpose ? storedHeight : storedWidth;
    }

    int displayHeight(int storedWidth, int storedHeight) {
        return transpose ? storedWidth : storedHeight;
    }

    /** The region of the stored image that a crop box on the displayed image covers. */
    Rectangle storedRegion(CropBox crop, int storedWidth, int storedHeight) {
        int u = transpose ? crop.y() : crop.x();
        int v = transpose ? crop.x() : crop.y();
        int x = flipX ? storedWidth - u - crop.size() : u;
        int y = flipY ? storedHeight - v - crop.size() : v;
        return new Rectangle(x, y, crop.size(), crop.size());
    }

    /** Turns a square of stored pixels (row-major, side {@code n}) into the way it is displayed. */
    int[] toDisplay(int[] stored, int n) {
        if (this == NORMAL) {
            return stored;
        }
        int[] display = new int[stored.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int u = transpose ? y : x;
                int v = transpose ? x : y;
                int sx = flipX ? n - 1 - u : u;
                int sy = flipY ? n - 1 - v : v;
                display[y * n + x] = stored[sy * n + sx];
            }
        }
        return display;
    }
}
