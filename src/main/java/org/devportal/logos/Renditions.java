package org.devportal.logos;

import com.twelvemonkeys.image.ResampleOp;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a decoded crop into the logo's PNGs at each of {@link ProcessedLogo#SIZES}.
 * <p>
 * Resizing is TwelveMonkeys' {@link ResampleOp} with its triangle (tent) filter, whose width grows with the
 * reduction, so that every source pixel counts when shrinking (plain bilinear sampling skips pixels, and fine detail
 * turns into moiré). Filters with negative lobes (bicubic, Lanczos) look a little sharper but ring, and a ring shows
 * as a halo around a logo's edges on a transparent background; the tent never overshoots.
 * <p>
 * The resize works on a 16-bit copy whose colour is weighted by alpha (premultiplied), so that fully transparent
 * pixels, whose colour is meaningless, cannot bleed a dark fringe into the visible edge, and so that dividing the
 * alpha out again at the end gives back the exact colour of a half-covered edge: in 8 bits that round trip loses
 * a level at half cover and more the fainter the pixel. Such a copy is also an image type of {@code TYPE_CUSTOM},
 * for which {@code ResampleOp} runs its own filter rather than handing the work to a bilinear
 * {@code AffineTransformOp}.
 * <p>
 * The PNGs are written by ImageIO with metadata that this class builds, holding nothing but the {@code sRGB} chunk;
 * nothing of the upload (EXIF, GPS position, ICC profile, text) is passed to the writer, so none of it can survive.
 */
final class Renditions {

    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private Renditions() {}

    /**
     * Shrinks (or enlarges) a decoded crop, in the form {@link Colours#toSrgb} gives, to the largest size and turns
     * it the way it is displayed: the only step that needs the whole decoded crop.
     */
    static BufferedImage largest(BufferedImage srgb, Orientation orientation) {
        int size = ProcessedLogo.SIZES.getFirst();
        return orientation.toDisplay(resize(workingCopy(srgb), size));
    }

    /** The PNG of each size, largest first; each size below the largest is made from the one before. */
    static Map<Integer, byte[]> pngs(BufferedImage largest) {
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        BufferedImage logo = largest;
        for (int size : ProcessedLogo.SIZES) {
            logo = resize(logo, size);
            pngs.put(size, png(eightBit(logo)));
        }
        return pngs;
    }

    private static BufferedImage resize(BufferedImage working, int size) {
        if (working.getWidth() == size && working.getHeight() == size) {
            return working;
        }
        return new ResampleOp(size, size, ResampleOp.FILTER_TRIANGLE).filter(working, null);
    }

    /** 16 bits per channel, premultiplied if there is alpha: see the class comment. */
    private static BufferedImage workingCopy(BufferedImage srgb) {
        boolean alpha = srgb.getColorModel().hasAlpha();
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB),
                alpha,
                alpha,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                DataBuffer.TYPE_USHORT);
        int width = srgb.getWidth();
        int bands = alpha ? 4 : 3;
        Raster from = srgb.getRaster();
        WritableRaster to = model.createCompatibleWritableRaster(width, srgb.getHeight());
        int[] row = new int[width * bands];
        for (int y = 0; y < srgb.getHeight(); y++) {
            // TYPE_INT_RGB and TYPE_INT_ARGB give red, green, blue (and alpha) per pixel, 8 bits each.
            from.getPixels(0, y, width, 1, row);
            for (int i = 0; i < row.length; i += bands) {
                int a = alpha ? row[i + 3] : 0xFF;
                for (int c = 0; c < 3; c++) {
                    row[i + c] = (row[i + c] * a * 0x101 + 0x7F) / 0xFF;
                }
                if (alpha) {
                    row[i + 3] = a * 0x101;
                }
            }
            to.setPixels(0, y, width, 1, row);
        }
        return new BufferedImage(model, to, alpha, null);
    }

    /** Back from a working copy to 8-bit sRGB, with alpha divided out again. */
    private static BufferedImage eightBit(BufferedImage working) {
        boolean alpha = working.getColorModel().hasAlpha();
        int width = working.getWidth();
        int bands = alpha ? 4 : 3;
        BufferedImage srgb = new BufferedImage(
                width, working.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Raster from = working.getRaster();
        WritableRaster to = srgb.getRaster();
        int[] row = new int[width * bands];
        for (int y = 0; y < working.getHeight(); y++) {
            from.getPixels(0, y, width, 1, row);
            for (int i = 0; i < row.length; i += bands) {
                int a = alpha ? row[i + 3] : 0xFFFF;
                for (int c = 0; c < 3; c++) {
                    row[i + c] = a == 0 ? 0 : Math.min(0xFF, (row[i + c] * 2 * 0xFF + a) / (2 * a));
                }
                if (alpha) {
                    row[i + 3] = (a + 0x80) / 0x101;
                }
            }
            to.setPixels(0, y, width, 1, row);
        }
        return srgb;
    }

    /** Only the chunks IHDR, sRGB, the image data (IDAT, as many as the encoder writes) and IEND. */
    private static byte[] png(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No PNG encoder available");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            metadata.mergeTree(PNG_METADATA, srgbChunk());
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }

    /** The pixels were converted to sRGB; saying so keeps viewers from guessing. */
    private static IIOMetadataNode srgbChunk() {
        IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
        srgb.setAttribute("renderingIntent", "Perceptual");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(srgb);
        return root;
    }
}
