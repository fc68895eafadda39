package org.devportal.logos;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Brings a decoded image of any layout into sRGB ARGB, the one form the rest of the pipeline works with. */
final class Colours {

    private Colours() {}

    static Pixels toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_GRAY && !(image.getColorModel() instanceof IndexColorModel)) {
            return fromGrey(image);
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
        int[] argb = ((DataBufferInt) srgb.getRaster().getDataBuffer()).getData();
        if (!alpha) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        return new Pixels(argb, srgb.getWidth(), srgb.getHeight());
    }

    /**
     * Grey pixel values are taken as they are, the way browsers show grey images. Java's own grey colour space is
     * linear, so a conversion through it would lighten every grey logo.
     */
    private static Pixels fromGrey(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        boolean alpha = raster.getNumBands() > 1;
        int greyMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
        int alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
        int[] grey = new int[width];
        int[] opacity = new int[width];
        int[] argb = new int[width * height];
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
        return new Pixels(argb, width, height);
    }

    private static int to8Bits(int sample, int max) {
        return max == 0xFF ? sample : (sample * 0xFF + max / 2) / max;
    }
}
