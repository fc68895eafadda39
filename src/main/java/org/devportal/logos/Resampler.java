package org.devportal.logos;

import java.util.Arrays;

/**
 * Resizes pixels with a triangle (tent) filter whose width grows with the reduction, so that every source pixel
 * counts when shrinking (plain bilinear sampling skips pixels, and fine detail turns into moiré) and it turns into
 * bilinear interpolation when enlarging. Filters with negative lobes (bicubic, Lanczos) look a little sharper but ring,
 * and a ring shows as a halo around a logo's edges on a transparent background; the tent never overshoots.
 * <p>
 * Colour is weighted by alpha (premultiplied), so that fully transparent pixels, whose colour is meaningless,
 * cannot bleed a dark fringe into the visible edge.
 */
final class Resampler {

    private Resampler() {
    }

    static Pixels resize(Pixels source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        int sourceWidth = source.width();
        Taps down = Taps.of(source.height(), height);
        Taps across = Taps.of(sourceWidth, width);
        // Vertical pass first, over whole rows, where the loop is simple enough for the JIT to vectorise; each
        // source row is unpacked once into a small ring of rows, since the rows an output row needs only advance.
        float[][] ring = new float[down.stride][sourceWidth * 4];
        int[] held = new int[down.stride];
        Arrays.fill(held, -1);
        float[] column = new float[sourceWidth * 4];
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            Arrays.fill(column, 0f);
            for (int k = 0, n = down.count[y]; k < n; k++) {
                int row = down.first[y] + k;
                int slot = row % down.stride;
                if (held[slot] != row) {
                    unpack(source, row, ring[slot]);
                    held[slot] = row;
                }
                float weight = down.weights[y * down.stride + k];
                float[] values = ring[slot];
                for (int i = 0; i < column.length; i++) {
                    column[i] += weight * values[i];
                }
            }
            for (int x = 0; x < width; x++) {
                int first = across.first[x] * 4;
                int w = x * across.stride;
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0, n = across.count[x], i = first; k < n; k++, i += 4) {
                    float weight = across.weights[w + k];
                    a += weight * column[i];
                    r += weight * column[i + 1];
                    g += weight * column[i + 2];
                    b += weight * column[i + 3];
                }
                argb[y * width + x] = pack(a, r, g, b);
            }
        }
        return new Pixels(argb, width, height);
    }

    /** One row as four floats per pixel: alpha, and each colour times alpha. */
    private static void unpack(Pixels source, int row, float[] values) {
        int[] argb = source.argb();
        int from = row * source.width();
        for (int x = 0, i = 0; x < source.width(); x++, i += 4) {
            int p = argb[from + x];
            int alpha = p >>> 24;
            values[i] = alpha;
            values[i + 1] = (p >> 16 & 0xFF) * alpha;
            values[i + 2] = (p >> 8 & 0xFF) * alpha;
            values[i + 3] = (p & 0xFF) * alpha;
        }
    }

    private static int pack(float alpha, float red, float green, float blue) {
        int a = Math.round(alpha);
        if (a <= 0) {
            return 0;
        }
        return Math.min(a, 0xFF) << 24 | channel(red / alpha) << 16 | channel(green / alpha) << 8
                | channel(blue / alpha);
    }

    private static int channel(float value) {
        return Math.clamp(Math.round(value), 0, 0xFF);
    }

    /** For each output position, the first source index, the number of taps and their normalised weights. */
    private static final class Taps {
        final int[] first;
        final int[] count;
        final float[] weights;
        final int stride;

        private Taps(int outputs, int stride) {
            this.first = new int[outputs];
            this.count = new int[outputs];
            this.weights = new float[outputs * stride];
            this.stride = stride;
        }

        static Taps of(int sourceSize, int outputSize) {
            double scale = (double) sourceSize / outputSize;
            double radius = Math.max(1.0, scale);
            Taps taps = new Taps(outputSize, (int) Math.ceil(2 * radius) + 2);
            for (int i = 0; i < outputSize; i++) {
                double centre = (i + 0.5) * scale;
                int from = Math.max(0, (int) Math.floor(centre - radius));
                int to = Math.min(sourceSize - 1, (int) Math.ceil(centre + radius));
                int base = i * taps.stride;
                double total = 0;
                int n = 0;
                int first = -1;
                for (int j = from; j <= to; j++) {
                    double weight = 1 - Math.abs(j + 0.5 - centre) / radius;
                    if (weight > 0) {
                        if (first < 0) {
                            first = j;
                        }
                        taps.weights[base + (j - first)] = (float) weight;
                        n = j - first + 1;
                        total += weight;
                    }
                }
                for (int k = 0; k < n; k++) {
                    taps.weights[base + k] = (float) (taps.weights[base + k] / total);
                }
                taps.first[i] = first;
                taps.count[i] = n;
            }
            return taps;
        }
    }
}
