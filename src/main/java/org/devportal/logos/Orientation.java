package org.devportal.logos;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;

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

    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

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

    /**
     * The orientation in {@code b[from, to)}, the payload of a JPEG APP1 segment, or {@code null} if it is not
     * EXIF or its first IFD names none. Only the orientation is taken; everything else in EXIF (camera, time, GPS
     * position) is left behind and never reaches the output. Malformed EXIF is ignored rather than refused: the
     * decoder does not need it.
     */
    static Orientation ofExifSegment(byte[] b, int from, int to) {
        // "Exif\0\0", then a TIFF structure whose offsets count from its own start.
        int tiff = from + EXIF_HEADER.length;
        if (tiff > to || !Arrays.equals(b, from, tiff, EXIF_HEADER, 0, EXIF_HEADER.length)) {
            return null;
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(b, tiff, to - tiff)) {
            Directory ifds = new TIFFReader().read(in);
            Directory first = ifds instanceof CompoundDirectory chain ? chain.getDirectory(0) : ifds;
            Entry entry = first.getEntryById(TIFF.TAG_ORIENTATION);
            return entry != null && entry.valueCount() == 1 && entry.getValue() instanceof Integer value
                    ? ofExif(value)
                    : null;
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
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

    /** Turns a square of stored pixels into the way it is displayed. */
    BufferedImage toDisplay(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int n = stored.getWidth();
        WritableRaster from = stored.getRaster();
        WritableRaster to = from.createCompatibleWritableRaster();
        int[] pixel = new int[from.getNumBands()];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int u = transpose ? y : x;
                int v = transpose ? x : y;
                to.setPixel(x, y, from.getPixel(flipX ? n - 1 - u : u, flipY ? n - 1 - v : v, pixel));
            }
        }
        return new BufferedImage(stored.getColorModel(), to, stored.isAlphaPremultiplied(), null);
    }
}
