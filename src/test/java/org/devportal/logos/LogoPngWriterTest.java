package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.logos.LogoTestImages.chunkTypes;
import static org.devportal.logos.LogoTestImages.read;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogoPngWriterTest {

    @Test
    void random_pixels_with_transparency_read_back_exactly() {
        Pixels pixels = random(301, 199, true);

        BufferedImage decoded = read(PngWriter.write(pixels, true));

        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(0, 0, 301, 199, null, 0, 301)).containsExactly(pixels.argb());
    }

    @Test
    void random_opaque_pixels_read_back_exactly_without_an_alpha_channel() {
        Pixels pixels = random(64, 257, false);

        BufferedImage decoded = read(PngWriter.write(pixels, false));

        assertThat(decoded.getColorModel().hasAlpha()).isFalse();
        assertThat(decoded.getRGB(0, 0, 64, 257, null, 0, 64)).containsExactly(pixels.argb());
    }

    @Test
    void smooth_pixels_read_back_exactly() {
        // Gradients make the Sub, Up, Average and Paeth filters win rows, not just None.
        int[] argb = new int[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                argb[y * 256 + x] = (128 + y / 2) << 24 | x << 16 | y << 8 | (x + y) / 2;
            }
        }
        Pixels pixels = new Pixels(argb, 256, 256);

        BufferedImage decoded = read(PngWriter.write(pixels, true));

        assertThat(decoded.getRGB(0, 0, 256, 256, null, 0, 256)).containsExactly(argb);
    }

    @Test
    void only_the_header_colour_space_data_and_end_chunks_are_written() {
        assertThat(chunkTypes(PngWriter.write(random(16, 16, true), true)))
                .containsExactly("IHDR", "sRGB", "IDAT", "IEND");
    }

    private static Pixels random(int width, int height, boolean alpha) {
        SplittableRandom random = new SplittableRandom(7);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            int rgb = random.nextInt() & 0xFFFFFF;
            int a = alpha ? random.nextInt(1, 256) : 0xFF;
            argb[i] = a << 24 | rgb;
        }
        return new Pixels(argb, width, height);
    }
}
