package org.devportal.logos;

import static org.devportal.logos.LogoRejectedException.Reason.ANIMATED;
import static org.devportal.logos.LogoRejectedException.Reason.DAMAGED;
import static org.devportal.logos.LogoRejectedException.Reason.EMBEDDED_MARKUP;
import static org.devportal.logos.LogoRejectedException.Reason.TOO_FEW_PIXELS;
import static org.devportal.logos.LogoRejectedException.Reason.TOO_MANY_PIXELS;
import static org.devportal.logos.LogoRejectedException.Reason.UNSUPPORTED_TYPE;

import java.util.zip.CRC32;

/**
 * Reads type, size and orientation from the bytes of an upload without decoding any pixels, and refuses what can
 * be refused from the header alone. This is what keeps a decompression bomb (a small file that declares a huge
 * image) from ever reaching a decoder: the size check costs a few dozen byte reads.
 */
final class HeaderReader {

    /** 40 megapixels: every current phone camera fits; a decoded raster stays a few hundred MB at worst. */
    static final long MAX_PIXELS = 40_000_000L;

    /**
     * Sizes are shown to users in tenths of a megapixel and judged as shown, so that no image reads as "40.0
     * megapixels" and is refused: what rounds to 40.0 passes, what rounds to 40.1 does not.
     */
    private static final long MAX_TENTHS_OF_MEGAPIXELS = MAX_PIXELS / 100_000;

    static final int MIN_SIDE = CropBox.MIN_SIZE;

    private HeaderReader() {}

    static SourceImage read(byte[] bytes) {
        return switch (FileTypes.detect(bytes)) {
            case PNG -> readPng(bytes);
            case JPEG -> readJpeg(bytes);
        };
    }

    // PNG (ISO/IEC 15948): signature, then chunks of length, type, data and CRC. IHDR must come first.
    private static SourceImage readPng(byte[] b) {
        int ihdr = FileTypes.PNG_SIGNATURE.length;
        if (b.length < ihdr + 25 || u32(b, ihdr) != 13 || !isChunkType(b, ihdr + 4, "IHDR")) {
            throw damaged(LogoType.PNG);
        }
        CRC32 crc = new CRC32();
        crc.update(b, ihdr + 4, 4 + 13);
        if (crc.getValue() != u32(b, ihdr + 8 + 13)) {
            throw damaged(LogoType.PNG);
        }
        long width = u32(b, ihdr + 8);
        long height = u32(b, ihdr + 12);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw damaged(LogoType.PNG);
        }
        checkSize(width, height);
        int bitDepth = b[ihdr + 16];
        int colourType = b[ihdr + 17];
        boolean validDepth = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!validDepth || b[ihdr + 18] != 0 || b[ihdr + 19] != 0 || (b[ihdr + 20] & 0xFE) != 0) {
            throw damaged(LogoType.PNG);
        }
        walkPngChunks(b, ihdr + 25);
        return new SourceImage(b, LogoType.PNG, (int) width, (int) height, Orientation.NORMAL);
    }

    /**
     * Walks the chunk list to IEND without inflating anything: a file cut off in transfer is refused here, before
     * a decoder spends time on it, and text chunks are searched for markup.
     */
    private static void walkPngChunks(byte[] b, int pos) {
        boolean sawData = false;
        while (true) {
            if (pos + 12 > b.length) {
                throw incomplete(LogoType.PNG);
            }
            long length = u32(b, pos);
            if (length > b.length - pos - 12L) {
                throw incomplete(LogoType.PNG);
            }
            int data = pos + 8;
            int end = data + (int) length;
            if (isChunkType(b, pos + 4, "IEND")) {
                break;
            }
            if (isChunkType(b, pos + 4, "IDAT")) {
                sawData = true;
            } else if (isChunkType(b, pos + 4, "acTL")) {
                // APNG's animation control chunk: a decoder would silently keep the first frame only.
                throw new LogoRejectedException(
                        ANIMATED,
                        "This PNG is animated (APNG); logos are still images. Export a single frame as a PNG "
                                + "and upload it again");
            } else if (Markup.isIn(b, data, end)) {
                throw markup(LogoType.PNG);
            }
            pos = end + 4;
        }
        if (!sawData) {
            throw damaged(LogoType.PNG);
        }
    }

    // JPEG (ITU-T T.81, Annex B): SOI, then marker segments up to the first SOS, after which the image data runs.
    private static SourceImage readJpeg(byte[] b) {
        int pos = 2;
        int width = 0;
        int height = 0;
        Orientation orientation = null;
        while (true) {
            // Between segments, skip fill bytes (0xFF) and, like libjpeg, stray bytes before the next marker.
            while (pos < b.length && (b[pos] & 0xFF) != 0xFF) {
                pos++;
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= b.length) {
                throw incomplete(LogoType.JPEG);
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM and RSTn stand alone, without a length
            }
            if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
                throw damaged(LogoType.JPEG); // SOI again, or EOI before any image data
            }
            if (pos + 2 > b.length) {
                throw incomplete(LogoType.JPEG);
            }
            int length = u16(b, pos);
            if (length < 2 || pos + length > b.length) {
                throw incomplete(LogoType.JPEG);
            }
            int data = pos + 2;
            int end = pos + length;
            if (marker == 0xDA) {
                if (width == 0) {
                    throw damaged(LogoType.JPEG);
                }
                requireEndOfImage(b, end);
                break;
            }
            if (isStartOfFrame(marker)) {
                if (width == 0) {
                    if (length < 8) {
                        throw damaged(LogoType.JPEG);
                    }
                    checkJpegCoding(marker, b[data] & 0xFF);
                    height = u16(b, data + 1);
                    width = u16(b, data + 3);
                    int components = b[data + 5] & 0xFF;
                    if (height == 0) {
                        // The height may be left to a DNL marker after the first scan; no image editor does that.
                        throw new LogoRejectedException(
                                UNSUPPORTED_TYPE,
                                "This JPEG does not state its height in "
                                        + "its header; save it again as an ordinary JPEG, or better, as a PNG");
                    }
                    if (width == 0 || (components != 1 && components != 3 && components != 4)) {
                        throw damaged(LogoType.JPEG);
                    }
                    checkSize(width, height);
                }
            } else if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
                if (Markup.isIn(b, data, end)) {
                    throw markup(LogoType.JPEG);
                }
                if (marker == 0xE1 && orientation == null) {
                    orientation = Orientation.ofExifSegment(b, data, end);
                }
            }
            pos = end;
        }
        return new SourceImage(b, LogoType.JPEG, width, height, orientation == null ? Orientation.NORMAL : orientation);
    }

    /**
     * Walks the rest of a JPEG from its first scan to the end-of-image marker without decoding: entropy-coded data,
     * where 0xFF is followed only by a stuffed 0x00 or a restart marker, then any further segments (the next scans
     * of a progressive JPEG, tables) by their lengths. A file cut off in transfer has no EOI and is refused here,
     * before the crop step, rather than failing in the decoder on save. Bytes after EOI, which some cameras add,
     * are allowed.
     */
    private static void requireEndOfImage(byte[] b, int pos) {
        while (pos + 1 < b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
            } else if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
            } else if (marker == 0xD9) {
                return;
            } else {
                if (pos + 4 > b.length) {
                    throw incomplete(LogoType.JPEG);
                }
                int length = u16(b, pos + 2);
                if (length < 2 || pos + 2 + length > b.length) {
                    throw incomplete(LogoType.JPEG);
                }
                pos += 2 + length;
            }
        }
        throw incomplete(LogoType.JPEG);
    }

    /** SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * Baseline, extended and progressive Huffman coding at 8 bits cover every JPEG a camera or editor writes;
     * the rest (lossless, hierarchical, arithmetic, 12-bit) is refused rather than handed to rarely used code.
     */
    private static void checkJpegCoding(int marker, int precision) {
        if (marker > 0xC2 || precision != 8) {
            throw new LogoRejectedException(
                    UNSUPPORTED_TYPE,
                    "This JPEG uses an uncommon encoding (lossless, "
                            + "hierarchical, arithmetic or 12-bit); save it as an ordinary JPEG, or better, as a PNG");
        }
    }

    private static void checkSize(long width, long height) {
        long tenths = (width * height + 50_000) / 100_000;
        if (tenths > MAX_TENTHS_OF_MEGAPIXELS) {
            throw new LogoRejectedException(
                    TOO_MANY_PIXELS,
                    "This image is " + width + "×" + height + " pixels (" + tenthsOfMegapixels(tenths)
                            + " megapixels); logos can have at most "
                            + tenthsOfMegapixels(MAX_TENTHS_OF_MEGAPIXELS)
                            + " megapixels. Scale it down to 2048×2048 or smaller and upload it again");
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new LogoRejectedException(
                    TOO_FEW_PIXELS,
                    "This image is " + width + "×" + height + " pixels; logos need at least " + MIN_SIDE + "×"
                            + MIN_SIDE);
        }
    }

    private static String tenthsOfMegapixels(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    static LogoRejectedException damaged(LogoType type) {
        return new LogoRejectedException(
                DAMAGED,
                "This " + type + " file is damaged and cannot be read; " + "export it again from your image editor");
    }

    static LogoRejectedException incomplete(LogoType type) {
        return new LogoRejectedException(
                DAMAGED,
                "This " + type + " file is incomplete (it ends too early); "
                        + "upload it again, or export it again from your image editor");
    }

    private static LogoRejectedException markup(LogoType type) {
        return new LogoRejectedException(
                EMBEDDED_MARKUP,
                "This " + type + " file has HTML or script code hidden "
                        + "in its metadata; export the image again from an image editor");
    }

    private static boolean isChunkType(byte[] b, int at, String type) {
        for (int i = 0; i < 4; i++) {
            if (b[at + i] != type.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
