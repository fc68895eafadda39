package org.devportal.logos;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Brings a decoded image of any layout into 8-bit sRGB, {@code TYPE_INT_RGB} or, if any pixel is not fully
 * opaque, {@code TYPE_INT_ARGB}: the one form the rest of the pipeline starts from. An image with an alpha channel
 * that is opaque everywhere, as many editors export, counts as opaque, so its logo is written without one.
 */
final class Colours {

    private Colours() {}

    static BufferedImage toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_GRAY && !(image.getColorModel() instanceof IndexColorModel)) {
            return withoutOpaqueAlpha(fromGrey(image));
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage srgb = new BufferedImage(
                image.getWidth(), image.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (space.isCS_sRGB()) {
            Graphics2D g = srgb.createGraphics();
            try {
                g.setComposite(AlphaComposite.Src);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        } else {
            // An embedded ICC profile (Adobe RGB, Display P3, a CMYK press profile): convert the colours properly
            // instead of letting the pixel values pass as sRGB, which would make them dull or garish.
            new ColorConvertOp(null).filter(image, srgb);
        }
        return withoutOpaqueAlpha(srgb);
    }

    /**
     * Grey pixel values are taken as they are, the way browsers show grey images. Java's own grey colour space is
     * linear, so a conversion through it would lighten every grey logo.
     */
    private static BufferedImage fromGrey(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        boolean alpha = raster.getNumBands() > 1;
        int greyMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
        int alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
        int[] grey = new int[width];
        int[] opacity = new int[width];
        BufferedImage srgb =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] argb = pixels(srgb);
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, opacity);
            }
            for (int x = 0; x < width; x++) {
                int v = to8Bits(grey[x], greyMax);
                int a = alpha ? to8Bits(opacity[x], alphaMax) : 0xFF;
                argb[y * width + x] = a << 24 | v << 16 | v << 8 | v;
            }
        }
        return srgb;
    }

    private static int to8Bits(int sample, int max) {
        return max == 0xFF ? sample : (sample * 0xFF + max / 2) / max;
    }

    private static BufferedImage withoutOpaqueAlpha(BufferedImage srgb) {
        if (srgb.getType() != BufferedImage.TYPE_INT_ARGB) {
            return srgb;
        }
        int all = 0xFF000000;
        for (int pixel : pixels(srgb)) {
            all &= pixel;
        }
        if (all >>> 24 != 0xFF) {
            return srgb;
        }
        // The same pixels, read without their alpha byte.
        BufferedImage opaque = new BufferedImage(srgb.getWidth(), srgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        System.arraycopy(pixels(srgb), 0, pixels(opaque), 0, srgb.getWidth() * srgb.getHeight());
        return opaque;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
