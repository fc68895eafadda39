package org.devportal.logos;

/** A rectangle of sRGB pixels as packed, non-premultiplied ARGB, row by row. */
record Pixels(int[] argb, int width, int height) {

    Pixels {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("argb must hold width × height pixels");
        }
    }

    boolean isOpaque() {
        // No early exit: a loop without one is a single vector reduction, faster on the opaque images it must
        // scan to the end anyway.
        int all = 0xFF000000;
        for (int pixel : argb) {
            all &= pixel;
        }
        return all >>> 24 == 0xFF;
    }
}
