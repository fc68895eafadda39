package org.devportal.logos;

import java.util.Arrays;

/**
 * Resizes pixels with a triangle (tent) filter whose width grows with the reduction, so that every source pixel
 * counts when shrinking (plain bilinear sampling skips pixels, and fine detail turns into moiré) and it turns into
 * bilinear interpolation when enlarging. Filters with negative lobes (bicubic, Lanczos) look a little sharper but ring,
 * and a ring shows as a halo around a logo's edges on a transparent background; the tent never overshoots.
 * <p>
 * Colour is weighted by alpha (premultiplied), so that fully transparent pixels, whose colour is meaningless,
 * cannot bleed a dark fringe into the visible edge. An opaque image skips that: weighting every pixel by the same
 * alpha and dividing it out again would change nothing but the time taken.
 * <p>
 * The work is laid out for the JIT: each source row is unpacked once into one float array per channel (planes),
 * so that the vertical pass, which does most of the arithmetic, is a plain multiply-add over whole arrays that
 * the JIT turns into vector instructions.
 */
final class Resampler {

    private Resampler() {}

    static Pixels resize(Pixels source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        boolean opaque = source.isOpaque();
        int planes = opaque ? 3 : 4;
        int sourceWidth = source.width();
        Taps down = Taps.of(source.height(), height);
        Taps across = Taps.of(sourceWidth, width);
        // Vertical pass first, over whole rows; the source rows an output row needs only advance, so a small ring
        // of unpacked rows holds each of them exactly once.
        float[][][] ring = new float[down.span][planes][sourceWidth];
        int[] held = new int[down.span];
        Arrays.fill(held, -1);
        float[][] column = new float[planes][sourceWidth];
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            boolean started = false;
            for (int k = 0; k < down.span; k++) {
                float weight = down.weights[y * down.span + k];
                if (weight == 0) {
                    continue;
                }
                int row = down.first[y] + k;
                int slot = row % down.span;
                if (held[slot] != row) {
                    unpack(source, row, opaque, ring[slot]);
                    held[slot] = row;
                }
                for (int p = 0; p < planes; p++) {
                    if (started) {
                        addScaled(ring[slot][p], weight, column[p]);
                    } else {
                        scale(ring[slot][p], weight, column[p]);
                    }
                }
                started = true;
            }
            if (opaque) {
                packOpaqueRow(column, across, argb, y * width, width);
            } else {
                packPremultipliedRow(column, across, argb, y * width, width);
            }
        }
        return new Pixels(argb, width, height);
    }

    private static void scale(float[] values, float weight, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = weight * values[i];
        }
    }

    private static void addScaled(float[] values, float weight, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += weight * values[i];
        }
    }

    /** One row as planes of red, green and blue, each times alpha if not opaque, and then alpha. */
    private static void unpack(Pixels source, int row, boolean opaque, float[][] planes) {
        int[] argb = source.argb();
        int from = row * source.width();
        float[] red = planes[0];
        float[] green = planes[1];
        float[] blue = planes[2];
        if (opaque) {
            for (int x = 0; x < red.length; x++) {
                int p = argb[from + x];
                red[x] = p >> 16 & 0xFF;
                green[x] = p >> 8 & 0xFF;
                blue[x] = p & 0xFF;
            }
            return;
        }
        float[] alpha = planes[3];
        for (int x = 0; x < red.length; x++) {
            int p = argb[from + x];
            int a = p >>> 24;
            alpha[x] = a;
            red[x] = (p >> 16 & 0xFF) * a;
            green[x] = (p >> 8 & 0xFF) * a;
            blue[x] = (p & 0xFF) * a;
        }
    }

    /** The horizontal pass over one vertically filtered row, into {@code argb[at, at + width)}. */
    private static void packOpaqueRow(float[][] column, Taps across, int[] argb, int at, int width) {
        float[] red = column[0];
        float[] green = column[1];
        float[] blue = column[2];
        for (int x = 0; x < width; x++) {
            int first = across.first[x];
            int w = x * across.span;
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0; k < across.span; k++) {
                float weight = across.weights[w + k];
                r += weight * red[first + k];
                g += weight * green[first + k];
                b += weight * blue[first + k];
            }
            argb[at + x] = 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
        }
    }

    private static void packPremultipliedRow(float[][] column, Taps across, int[] argb, int at, int width) {
        float[] red = column[0];
        float[] green = column[1];
        float[] blue = column[2];
        float[] alpha = column[3];
        for (int x = 0; x < width; x++) {
            int first = across.first[x];
            int w = x * across.span;
            float a = 0;
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0; k < across.span; k++) {
                float weight = across.weights[w + k];
                a += weight * alpha[first + k];
                r += weight * red[first + k];
                g += weight * green[first + k];
                b += weight * blue[first + k];
            }
            int opacity = channel(a);
            if (opacity == 0) {
                argb[at + x] = 0;
            } else {
                float unweight = 1 / a;
                argb[at + x] = opacity << 24
                        | channel(r * unweight) << 16
                        | channel(g * unweight) << 8
                        | channel(b * unweight);
            }
        }
    }

    /** Rounds to the nearest of 0..255; the tent's weights are positive, so no sum is below zero. */
    private static int channel(float value) {
        return Math.min((int) (value + 0.5f), 0xFF);
    }

    /**
     * For each output position, the first of {@code span} consecutive source positions and their weights. Every
     * output gets the same number of taps, the most any of them needs, with zero weights where one needs fewer
     * and the window moved inwards at the edges: a loop that always runs the same number of times is one the
     * processor predicts, where a count that changes from pixel to pixel costs a misprediction at almost every
     * pixel.
     */
    private static final class Taps {
        final int[] first;
        final float[] weights;
        final int span;

        private Taps(int[] first, float[] weights, int span) {
            this.first = first;
            this.weights = weights;
            this.span = span;
        }

        static Taps of(int sourceSize, int outputSize) {
            double scale = (double) sourceSize / outputSize;
            double radius = Math.max(1.0, scale);
            int stride = (int) Math.ceil(2 * radius) + 2;
            int[] first = new int[outputSize];
            int[] count = new int[outputSize];
            double[] weights = new double[outputSize * stride];
            int span = 1;
            for (int i = 0; i < outputSize; i++) {
                double centre = (i + 0.5) * scale;
                int from = Math.max(0, (int) Math.floor(centre - radius));
                int to = Math.min(sourceSize - 1, (int) Math.ceil(centre + radius));
                int base = i * stride;
                double total = 0;
                first[i] = -1;
                for (int j = from; j <= to; j++) {
                    double weight = 1 - Math.abs(j + 0.5 - centre) / radius;
                    if (weight > 0) {
                        if (first[i] < 0) {
                            first[i] = j;
                        }
                        weights[base + (j - first[i])] = weight;
                        count[i] = j - first[i] + 1;
                        total += weight;
                    }
                }
                for (int k = 0; k < count[i]; k++) {
                    weights[base + k] /= total;
                }
                span = Math.max(span, count[i]);
            }
            // No count exceeds the source size, so every window fits inside the source.
            float[] spread = new float[outputSize * span];
            for (int i = 0; i < outputSize; i++) {
                int start = Math.min(first[i], sourceSize - span);
                for (int k = 0; k < count[i]; k++) {
                    spread[i * span + first[i] - start + k] = (float) weights[i * stride + k];
                }
                first[i] = start;
            }
            return new Taps(first, spread, span);
        }
    }
}
