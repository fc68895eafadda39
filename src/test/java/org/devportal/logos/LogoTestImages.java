package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds the test images in memory: generated with ImageIO, or crafted byte by byte where a test needs that. */
public final class LogoTestImages {

    static final Color RED = new Color(220, 30, 40);
    static final Color GREEN = new Color(30, 180, 60);
    static final Color BLUE = new Color(40, 60, 210);
    static final Color YELLOW = new Color(240, 220, 20);

    private LogoTestImages() {}

    /** Four solid quadrants that meet at ({@code splitX}, {@code splitY}): red, green / blue, yellow. */
    public static BufferedImage quadrants(int width, int height, int splitX, int splitY) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color colour = y < splitY ? (x < splitX ? RED : GREEN) : (x < splitX ? BLUE : YELLOW);
                image.setRGB(x, y, colour.getRGB());
            }
        }
        return image;
    }

    static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Smooth gradients: compresses well, yet is no flat colour. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 128).getRGB());
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    public static byte[] gif(BufferedImage image) {
        return write(image, "gif");
    }

    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        return write(writer, new IIOImage(image, null, null), param);
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four channels, an Adobe APP14 segment (transform 0: no colour
     * transform) and inverted values. The left half is red (0 % cyan, 100 % magenta and yellow), the right half
     * cyan.
     */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] red = {255, 0, 0, 255};
        int[] cyan = {0, 255, 255, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? red : cyan);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        byte[] jpeg = write(writer, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        byte[] adobe = ByteBuffer.allocate(12)
                .put("Adobe".getBytes(ISO_8859_1))
                .putShort((short) 100)
                .putShort((short) 0)
                .putShort((short) 0)
                .put((byte) 0)
                .array();
        return withSegmentAfterSoi(jpeg, 0xEE, adobe);
    }

    /** Inserts a marker segment right after the SOI marker of a JPEG. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An EXIF APP1 payload with a GPS position (Greenwich) and a camera make. */
    static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(200); // big-endian, "MM"
        tiff.put("MM".getBytes(ISO_8859_1)).putShort((short) 42).putInt(8);
        // IFD0 at 8: Make, GPS IFD pointer
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(6).putInt(38); // Make, ASCII, at 38
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(44); // GPSInfo, LONG -> 44
        tiff.putInt(0);
        tiff.put("Canon\0".getBytes(ISO_8859_1)); // 38..43
        // GPS IFD at 44: four entries, then the rationals at 44 + 2 + 48 + 4 = 98
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put("N\0\0\0".getBytes(ISO_8859_1));
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(98);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put("W\0\0\0".getBytes(ISO_8859_1));
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(122);
        tiff.putInt(0);
        tiff.putInt(51).putInt(1).putInt(28).putInt(1).putInt(3840).putInt(100); // 51° 28' 38.4"
        tiff.putInt(0).putInt(1).putInt(0).putInt(1).putInt(0).putInt(1);
        return exif(tiff);
    }

    /** An EXIF APP1 payload that holds only an orientation (little-endian, as phones write it). */
    static byte[] exifOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(ISO_8859_1)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        return exif(tiff);
    }

    private static byte[] exif(ByteBuffer tiff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(ISO_8859_1));
        out.write(tiff.array(), 0, tiff.position());
        return out.toByteArray();
    }

    /**
     * A decompression bomb: a valid PNG header declaring {@code width}×{@code height} RGB pixels, followed by a
     * few compressed rows and IEND. Decoded, it would need width × height × 3 bytes.
     */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(FileTypes.PNG_SIGNATURE);
        out.writeBytes(pngChunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array()));
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4 * (1 + width * 3)]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        out.writeBytes(pngChunk("IDAT", Arrays.copyOf(buffer, n)));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(type.getBytes(ISO_8859_1))
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    /** Inserts a chunk right after IHDR. */
    static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(pngChunk(type, data));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** The chunk types of a PNG, in order. */
    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            types.add(new String(type, ISO_8859_1));
            in.position(in.position() + length + 4);
        }
        return types;
    }

    /**
     * The chunk types of a PNG, in order, with a run of IDAT chunks counted once: encoders may split the image data
     * into several IDAT chunks, which is the same image (PNG specification, 11.2.4).
     */
    static List<String> chunkKinds(byte[] png) {
        List<String> kinds = new ArrayList<>();
        for (String type : chunkTypes(png)) {
            if (!(type.equals("IDAT") && !kinds.isEmpty() && kinds.getLast().equals("IDAT"))) {
                kinds.add(type);
            }
        }
        return kinds;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, ISO_8859_1).contains(needle);
    }

    static BufferedImage read(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        return write(writer, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
