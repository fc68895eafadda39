package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.logos.LogoTestImages.BLUE;
import static org.devportal.logos.LogoTestImages.GREEN;
import static org.devportal.logos.LogoTestImages.RED;
import static org.devportal.logos.LogoTestImages.YELLOW;
import static org.devportal.logos.LogoTestImages.chunkKinds;
import static org.devportal.logos.LogoTestImages.cmykJpeg;
import static org.devportal.logos.LogoTestImages.contains;
import static org.devportal.logos.LogoTestImages.exifOrientation;
import static org.devportal.logos.LogoTestImages.exifWithGps;
import static org.devportal.logos.LogoTestImages.gradient;
import static org.devportal.logos.LogoTestImages.jpeg;
import static org.devportal.logos.LogoTestImages.png;
import static org.devportal.logos.LogoTestImages.quadrants;
import static org.devportal.logos.LogoTestImages.read;
import static org.devportal.logos.LogoTestImages.solid;
import static org.devportal.logos.LogoTestImages.withSegmentAfterSoi;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogoProcessingTest {

    private final LogoProcessor processor = new LogoProcessor();

    @Test
    void inspecting_an_upload_gives_its_type_and_size_without_a_crop() {
        assertThat(processor.inspect(png(gradient(640, 480)))).isEqualTo(new ImageHeader(LogoType.PNG, 640, 480));
        assertThat(processor.inspect(jpeg(gradient(300, 900)))).isEqualTo(new ImageHeader(LogoType.JPEG, 300, 900));
    }

    @Test
    void a_jpeg_named_png_is_taken_for_the_jpeg_it_is(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("logo.png"), jpeg(gradient(600, 600)));

        try (InputStream upload = Files.newInputStream(file)) {
            assertThat(processor.inspect(upload).type()).isEqualTo(LogoType.JPEG);
        }
        try (InputStream upload = Files.newInputStream(file)) {
            assertThat(read(processor.process(upload, CropBox.of(0, 0, 600)).png(512))
                            .getWidth())
                    .isEqualTo(512);
        }
    }

    @Test
    void a_png_named_jpg_is_taken_for_the_png_it_is(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("logo.jpg"), png(gradient(600, 600)));

        try (InputStream upload = Files.newInputStream(file)) {
            assertThat(processor.inspect(upload).type()).isEqualTo(LogoType.PNG);
        }
        try (InputStream upload = Files.newInputStream(file)) {
            assertThat(read(processor.process(upload, CropBox.of(0, 0, 600)).png(512))
                            .getWidth())
                    .isEqualTo(512);
        }
    }

    @Test
    void cropping_a_non_square_picture_keeps_exactly_the_chosen_region() {
        // 1200×800, quadrants meeting at (600, 400); the crop's centre is that point.
        byte[] picture = png(quadrants(1200, 800, 600, 400));

        BufferedImage logo =
                read(processor.process(picture, CropBox.of(400, 200, 400)).png(512));

        assertThat(logo.getWidth()).isEqualTo(512);
        assertThat(logo.getHeight()).isEqualTo(512);
        assertQuadrants(logo, 0);
    }

    @Test
    void a_large_jpeg_crop_is_decoded_subsampled_and_still_keeps_the_chosen_region() {
        // A 2400 px crop is decoded at every second pixel; its quadrants meet at 37.5 % across and halfway down.
        byte[] photo = jpeg(quadrants(3000, 2600, 1500, 1300));

        BufferedImage logo =
                read(processor.process(photo, CropBox.of(600, 100, 2400)).png(512));

        assertColour(logo, 96, 128, RED, 6);
        assertColour(logo, 352, 128, GREEN, 6);
        assertColour(logo, 96, 384, BLUE, 6);
        assertColour(logo, 352, 384, YELLOW, 6);
        assertColour(logo, 180, 250, RED, 6);
        assertColour(logo, 200, 262, YELLOW, 6);
    }

    @Test
    void a_crop_smaller_than_512_pixels_is_enlarged_to_512() {
        byte[] picture = png(quadrants(600, 600, 300, 300));

        BufferedImage logo =
                read(processor.process(picture, CropBox.of(172, 172, 256)).png(512));

        assertThat(logo.getWidth()).isEqualTo(512);
        assertQuadrants(logo, 0);
    }

    @Test
    void every_size_is_a_square_png_of_that_size() {
        ProcessedLogo logo = processor.process(jpeg(gradient(900, 700)), CropBox.of(100, 50, 600));

        for (int size : ProcessedLogo.SIZES) {
            BufferedImage png = read(logo.png(size));
            assertThat(png.getWidth()).as("width of %d", size).isEqualTo(size);
            assertThat(png.getHeight()).as("height of %d", size).isEqualTo(size);
        }
        assertThat(logo.pngs()).containsOnlyKeys(512, 256, 128, 64);
    }

    @Test
    void the_smaller_sizes_show_the_same_picture() {
        ProcessedLogo logo = processor.process(png(quadrants(1200, 800, 600, 400)), CropBox.of(400, 200, 400));

        for (int size : ProcessedLogo.SIZES) {
            assertQuadrants(read(logo.png(size)), 0);
        }
    }

    @Test
    void the_content_hash_is_the_sha_256_of_the_512_png_and_the_same_for_the_same_upload() throws Exception {
        byte[] upload = jpeg(gradient(700, 700));

        ProcessedLogo first = processor.process(upload, CropBox.of(50, 50, 600));
        ProcessedLogo second = processor.process(upload, CropBox.of(50, 50, 600));
        ProcessedLogo other = processor.process(upload, CropBox.of(60, 50, 600));

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.png(512)));
        assertThat(first.contentHash()).isEqualTo(expected);
        assertThat(second).isEqualTo(first);
        assertThat(other.contentHash()).isNotEqualTo(first.contentHash());
    }

    @Test
    void a_jpeg_with_a_gps_position_gives_pngs_without_any_metadata() {
        byte[] photo = withSegmentAfterSoi(jpeg(gradient(800, 600)), 0xE1, exifWithGps());
        assertThat(contains(photo, "Exif")).isTrue();
        assertThat(contains(photo, "Canon")).isTrue();

        ProcessedLogo logo = processor.process(photo, CropBox.of(100, 0, 600));

        for (int size : ProcessedLogo.SIZES) {
            byte[] png = logo.png(size);
            assertThat(chunkKinds(png)).as("chunks of %d", size).containsExactly("IHDR", "sRGB", "IDAT", "IEND");
            assertThat(contains(png, "Exif")).isFalse();
            assertThat(contains(png, "eXIf")).isFalse();
            assertThat(contains(png, "GPS")).isFalse();
            assertThat(contains(png, "Canon")).isFalse();
        }
    }

    @Test
    void xmp_metadata_in_a_jpeg_is_not_mistaken_for_hidden_markup() {
        String xmp = "http://ns.adobe.com/xap/1.0/\0<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&lt;script&gt; "
                + "&amp; &lt;html&gt; in a title</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
                + "<?xpacket end=\"w\"?>";
        byte[] photo = withSegmentAfterSoi(jpeg(gradient(600, 600)), 0xE1, xmp.getBytes(StandardCharsets.UTF_8));

        assertThat(processor.inspect(photo).type()).isEqualTo(LogoType.JPEG);
        ProcessedLogo logo = processor.process(photo, CropBox.of(0, 0, 600));

        assertThat(contains(logo.png(512), "xmpmeta")).isFalse();
    }

    @Test
    void a_cmyk_jpeg_is_accepted_and_its_colours_converted_to_rgb() {
        byte[] cmyk = cmykJpeg(800, 600);
        assertThat(processor.inspect(cmyk).type()).isEqualTo(LogoType.JPEG);

        BufferedImage logo =
                read(processor.process(cmyk, CropBox.of(100, 0, 600)).png(512));

        assertThat(chunkKinds(processor.process(cmyk, CropBox.of(100, 0, 600)).png(64)))
                .containsExactly("IHDR", "sRGB", "IDAT", "IEND");
        Color left = new Color(logo.getRGB(100, 256));
        Color right = new Color(logo.getRGB(400, 256));
        assertThat(left.getRed()).as("red half").isGreaterThan(200);
        assertThat(left.getGreen()).as("red half").isLessThan(80);
        assertThat(right.getRed()).as("cyan half").isLessThan(80);
        assertThat(right.getBlue()).as("cyan half").isGreaterThan(200);
    }

    /**
     * A phone stores a portrait photo as landscape pixels plus an orientation; the browser shows it upright and
     * the user crops what they see. The stored images here are the displayed quadrants turned back.
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void a_photo_with_an_exif_orientation_is_cropped_as_the_browser_shows_it(int orientation) {
        BufferedImage displayed = quadrants(600, 400, 300, 200);
        byte[] photo = withSegmentAfterSoi(jpeg(stored(displayed, orientation)), 0xE1, exifOrientation(orientation));

        assertThat(processor.inspect(photo)).isEqualTo(new ImageHeader(LogoType.JPEG, 600, 400));
        BufferedImage logo =
                read(processor.process(photo, CropBox.of(100, 0, 400)).png(512));

        assertQuadrants(logo, 6);
    }

    @Test
    void transparency_survives_and_an_opaque_logo_has_no_alpha_channel() {
        BufferedImage badge = new BufferedImage(600, 600, BufferedImage.TYPE_INT_ARGB);
        for (int y = 200; y < 400; y++) {
            for (int x = 200; x < 400; x++) {
                badge.setRGB(x, y, RED.getRGB());
            }
        }

        BufferedImage transparent =
                read(processor.process(png(badge), CropBox.of(0, 0, 600)).png(512));
        BufferedImage opaque = read(processor
                .process(png(gradient(600, 600)), CropBox.of(0, 0, 600))
                .png(512));

        assertThat(transparent.getColorModel().hasAlpha()).isTrue();
        assertThat(transparent.getRGB(10, 10) >>> 24).isZero();
        assertThat(transparent.getRGB(256, 256)).isEqualTo(RED.getRGB());
        // The edge pixel is half covered: half transparent, yet fully red, with no dark fringe.
        Color edge = new Color(transparent.getRGB(170, 256), true);
        assertThat(edge.getAlpha()).isBetween(40, 215);
        assertThat(edge.getRed()).isEqualTo(RED.getRed());
        assertThat(opaque.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void a_grey_picture_keeps_its_grey_values() {
        BufferedImage grey = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                grey.getRaster().setSample(x, y, 0, 128);
            }
        }

        BufferedImage logo =
                read(processor.process(png(grey), CropBox.of(0, 0, 300)).png(512));

        assertThat(new Color(logo.getRGB(256, 256))).isEqualTo(new Color(128, 128, 128));
    }

    @Test
    void a_solid_colour_stays_exactly_that_colour_at_every_size() {
        ProcessedLogo logo = processor.process(png(solid(700, 700, BLUE)), CropBox.of(0, 0, 700));

        for (int size : ProcessedLogo.SIZES) {
            BufferedImage png = read(logo.png(size));
            assertThat(png.getRGB(0, 0)).isEqualTo(BLUE.getRGB());
            assertThat(png.getRGB(size - 1, size - 1)).isEqualTo(BLUE.getRGB());
        }
    }

    @Test
    void shrinking_fine_detail_averages_it_instead_of_aliasing() {
        // One-pixel black and white checks: point sampling would give solid black or white, or moiré.
        BufferedImage checks = new BufferedImage(1024, 1024, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                checks.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 0 : 255);
            }
        }

        BufferedImage logo =
                read(processor.process(png(checks), CropBox.of(0, 0, 1024)).png(512));

        for (int y = 3; y < 509; y += 37) {
            for (int x = 5; x < 509; x += 41) {
                assertThat(logo.getRGB(x, y) & 0xFF)
                        .as("grey at (%d, %d)", x, y)
                        .isBetween(126, 129);
            }
        }
    }

    /** Red, green / blue, yellow quadrants of equal size, checked away from the seams. */
    private static void assertQuadrants(BufferedImage logo, int tolerance) {
        int size = logo.getWidth();
        int near = size / 4;
        int far = size * 3 / 4;
        assertColour(logo, near, near, RED, tolerance);
        assertColour(logo, far, near, GREEN, tolerance);
        assertColour(logo, near, far, BLUE, tolerance);
        assertColour(logo, far, far, YELLOW, tolerance);
        assertColour(logo, size / 2 - size / 16, size / 2 - size / 16, RED, tolerance);
        assertColour(logo, size / 2 + size / 16, size / 2 + size / 16, YELLOW, tolerance);
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected, int tolerance) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("colour at (%d, %d) is %s", x, y, actual)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(tolerance));
                    assertThat(rgb[1]).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(tolerance));
                    assertThat(rgb[2]).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(tolerance));
                });
    }

    /**
     * The stored pixels a camera would write for an image displayed as {@code displayed} with the given EXIF
     * orientation, by turning it back step by step (the inverse of what a viewer does).
     */
    private static BufferedImage stored(BufferedImage displayed, int orientation) {
        BufferedImage image = displayed;
        switch (orientation) {
            case 2 -> image = mirror(image);
            case 3 -> image = rotateClockwise(rotateClockwise(image));
            case 4 -> image = mirror(rotateClockwise(rotateClockwise(image)));
            case 5 -> image = mirror(rotateClockwise(image));
            case 6 -> image = rotateClockwise(rotateClockwise(rotateClockwise(image)));
            case 7 -> image = mirror(rotateClockwise(rotateClockwise(rotateClockwise(image))));
            case 8 -> image = rotateClockwise(image);
            default -> {}
        }
        return image;
    }

    private static BufferedImage rotateClockwise(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                turned.setRGB(h - 1 - y, x, image.getRGB(x, y));
            }
        }
        return turned;
    }

    private static BufferedImage mirror(BufferedImage image) {
        int w = image.getWidth();
        BufferedImage mirrored = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                mirrored.setRGB(w - 1 - x, y, image.getRGB(x, y));
            }
        }
        return mirrored;
    }
}
