package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.logos.LogoTestImages.chunkKinds;
import static org.devportal.logos.LogoTestImages.contains;
import static org.devportal.logos.LogoTestImages.gradient;
import static org.devportal.logos.LogoTestImages.png;
import static org.devportal.logos.LogoTestImages.read;
import static org.devportal.logos.LogoTestImages.withChunkAfterHeader;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every logo PNG is, whatever came in: clean, square, at the fixed sizes, and true to the crop. */
class LogoOutputTest {

    private final LogoProcessor processor = new LogoProcessor();

    @ParameterizedTest(name = "alpha: {0}")
    @ValueSource(booleans = {false, true})
    void every_size_has_only_the_header_colour_space_data_and_end_chunks(boolean alpha) {
        // Noise compresses badly: the 512 px PNG holds far more than the 32 KiB that ImageIO puts in one IDAT.
        ProcessedLogo logo = processor.process(png(noise(700, 700, alpha)), CropBox.of(50, 50, 600));

        assertThat(logo.png(512).length).isGreaterThan(4 * 32 * 1024);
        for (int size : ProcessedLogo.SIZES) {
            byte[] png = logo.png(size);
            assertThat(chunkKinds(png)).as("chunks of %d", size).containsExactly("IHDR", "sRGB", "IDAT", "IEND");
            BufferedImage image = read(png);
            assertThat(image.getWidth()).as("width of %d", size).isEqualTo(size);
            assertThat(image.getHeight()).as("height of %d", size).isEqualTo(size);
            assertThat(image.getColorModel().hasAlpha()).as("alpha of %d", size).isEqualTo(alpha);
        }
    }

    @Test
    void text_exif_and_time_chunks_of_a_png_upload_are_not_carried_over() {
        byte[] upload = png(gradient(600, 600));
        upload = withChunkAfterHeader(upload, "tEXt", "Author\0Jane Roe, Acme Corp".getBytes(ISO_8859_1));
        upload = withChunkAfterHeader(upload, "iTXt", "Comment\0\0\0\0\0made on a Canon".getBytes(ISO_8859_1));
        upload = withChunkAfterHeader(upload, "eXIf", "MM\0*\0\0\0\u0008GPS 51N".getBytes(ISO_8859_1));
        upload = withChunkAfterHeader(upload, "tIME", new byte[] {7, (byte) 0xE9, 3, 14, 9, 26, 53});

        ProcessedLogo logo = processor.process(upload, CropBox.of(0, 0, 600));

        for (int size : ProcessedLogo.SIZES) {
            byte[] png = logo.png(size);
            assertThat(chunkKinds(png)).as("chunks of %d", size).containsExactly("IHDR", "sRGB", "IDAT", "IEND");
            assertThat(contains(png, "Jane Roe")).isFalse();
            assertThat(contains(png, "Canon")).isFalse();
            assertThat(contains(png, "GPS")).isFalse();
        }
    }

    @Test
    void a_512_pixel_crop_is_stored_pixel_for_pixel_with_its_transparency() {
        BufferedImage source = noise(512, 512, true);

        BufferedImage logo =
                read(processor.process(png(source), CropBox.of(0, 0, 512)).png(512));

        assertSamePixels(logo, source, 0, 0);
    }

    @Test
    void an_opaque_512_pixel_crop_is_stored_pixel_for_pixel() {
        BufferedImage source = noise(700, 600, false);

        BufferedImage logo =
                read(processor.process(png(source), CropBox.of(100, 40, 512)).png(512));

        assertSamePixels(logo, source, 100, 40);
    }

    /** Compares pixel by pixel, and names the first that differs. */
    private static void assertSamePixels(BufferedImage logo, BufferedImage source, int left, int top) {
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                assertThat(Integer.toHexString(logo.getRGB(x, y)))
                        .as("pixel (%d, %d)", x, y)
                        .isEqualTo(Integer.toHexString(source.getRGB(left + x, top + y)));
            }
        }
    }

    /** Random colours; with alpha, random opacity too, never fully transparent (where colour has no meaning). */
    private static BufferedImage noise(int width, int height, boolean alpha) {
        BufferedImage image =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int opacity = alpha ? random.nextInt(1, 256) : 0xFF;
                image.setRGB(x, y, opacity << 24 | random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
