package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devportal.logos.LogoTestImages.png;
import static org.devportal.logos.LogoTestImages.pngChunk;
import static org.devportal.logos.LogoTestImages.pngWithEveryFilter;
import static org.devportal.logos.LogoTestImages.read;
import static org.devportal.logos.LogoTestImages.withChunkAfterHeader;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogoPngDecoderTest {

    private static final int WIDTH = 301;
    private static final int HEIGHT = 257;

    @ParameterizedTest(name = "{0}, region at {1},{2} of {3}×{4}, step {5}")
    @CsvSource({
        "RGB, 0, 0, 301, 257, 1",
        "RGB, 17, 40, 200, 180, 1",
        "RGB, 5, 3, 290, 250, 3",
        "RGBA, 0, 0, 301, 257, 1",
        "RGBA, 100, 57, 201, 200, 2",
    })
    void a_region_decodes_to_exactly_the_pixels_imageio_decodes(
            String layout, int x, int y, int width, int height, int step) throws DataFormatException {
        byte[] png = pngWithEveryFilter(noisyGradient(layout.equals("RGBA")));
        assertThat(PngDecoder.handles(png)).isTrue();

        Pixels decoded = PngDecoder.decode(png, new Rectangle(x, y, width, height), step, inAMinute());

        Pixels whole = Colours.toSrgb(read(png));
        int columns = (width + step - 1) / step;
        int rows = (height + step - 1) / step;
        int[] expected = new int[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                expected[row * columns + column] = whole.argb()[(y + row * step) * WIDTH + x + column * step];
            }
        }
        assertThat(decoded.width()).isEqualTo(columns);
        assertThat(decoded.height()).isEqualTo(rows);
        assertThat(decoded.argb()).containsExactly(expected);
    }

    @Test
    void grey_palette_sixteen_bit_and_colour_keyed_pngs_are_left_to_imageio() {
        assertThat(PngDecoder.handles(png(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY))))
                .isFalse();
        assertThat(PngDecoder.handles(png(new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_INDEXED))))
                .isFalse();
        assertThat(PngDecoder.handles(png(new BufferedImage(300, 300, BufferedImage.TYPE_USHORT_GRAY))))
                .isFalse();
        byte[] rgb = png(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB));
        assertThat(PngDecoder.handles(rgb)).isTrue();
        assertThat(PngDecoder.handles(withChunkAfterHeader(rgb, "tRNS", new byte[6])))
                .isFalse();
    }

    @Test
    void image_data_that_ends_before_the_region_is_damaged() {
        byte[] png = pngWithEveryFilter(noisyGradient(false));
        int idat = new String(png, ISO_8859_1).indexOf("IDAT");
        int length = ByteBuffer.wrap(png, idat - 4, 4).getInt();
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.write(png, 0, idat - 4);
        cut.writeBytes(pngChunk("IDAT", Arrays.copyOfRange(png, idat + 4, idat + 4 + length / 2)));
        cut.writeBytes(pngChunk("IEND", new byte[0]));
        byte[] halfTheData = cut.toByteArray();
        assertThat(PngDecoder.handles(halfTheData)).isTrue();

        assertThatThrownBy(() -> PngDecoder.decode(halfTheData, new Rectangle(0, 0, WIDTH, HEIGHT), 1, inAMinute()))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void a_decode_past_its_deadline_stops() {
        byte[] png = png(noisyGradient(false));

        assertThatThrownBy(() -> PngDecoder.decode(png, new Rectangle(0, 0, WIDTH, HEIGHT), 1, System.nanoTime()))
                .isInstanceOf(PngDecoder.Overdue.class);
    }

    private static long inAMinute() {
        return System.nanoTime() + 60_000_000_000L;
    }

    private static BufferedImage noisyGradient(boolean alpha) {
        BufferedImage image =
                new BufferedImage(WIDTH, HEIGHT, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(11);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int noise = random.nextInt(0, 40);
                int a = alpha ? Math.clamp(x + noise, 0, 255) : 0xFF;
                int r = Math.clamp(x * 255 / WIDTH + noise, 0, 255);
                int g = y * 255 / HEIGHT;
                int b = Math.clamp((x + y) % 256 - noise, 0, 255);
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
