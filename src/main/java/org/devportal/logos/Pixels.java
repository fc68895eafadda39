package org.devportal.logos;

/** A rectangle of sRGB pixels as packed, non-premultiplied ARGB, row by row. */
record Pixels(int[] argb, int width, int height) {

    Pixels {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("argb must hold width × height pixels");
        }
    }

    boolean isOpaque() {
        for (int pixel : argb) {
            if (pixel >>> 24 != 0xFF) {
                return false;
            }
        }
        return true;
    }
}
