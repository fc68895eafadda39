package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.logos.LogoTestImages.gradient;
import static org.devportal.logos.LogoTestImages.jpeg;
import static org.devportal.logos.LogoTestImages.read;
import static org.devportal.logos.LogoTestImages.withChunkAfterHeader;
import static org.devportal.logos.LogoTestImages.withSegmentAfterSoi;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PNG layouts and JPEG metadata that editors and cameras write, and what the pipeline makes of them. */
class LogoInputFormatsTest {

    /** A colour that the default 6×6×6 palette of an indexed image holds exactly. */
    private static final Color PALETTE_BLUE = new Color(51, 102, 204);

    private final LogoProcessor processor = new LogoProcessor();

    static Stream<Arguments> png_layouts() {
        return Stream.of(
                Arguments.of("8-bit RGB", png(solid(BufferedImage.TYPE_INT_RGB), false), PALETTE_BLUE),
                Arguments.of("8-bit RGB, interlaced", png(solid(BufferedImage.TYPE_INT_RGB), true), PALETTE_BLUE),
                Arguments.of("8-bit RGBA", png(solid(BufferedImage.TYPE_INT_ARGB), false), PALETTE_BLUE),
                Arguments.of("palette", png(solid(BufferedImage.TYPE_BYTE_INDEXED), false), PALETTE_BLUE),
                Arguments.of("16-bit RGB", png(sixteenBitRgb(PALETTE_BLUE), false), PALETTE_BLUE),
                Arguments.of("grey with alpha", png(greyWithAlpha(128), false), new Color(128, 128, 128)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("png_layouts")
    void every_png_layout_gives_the_same_logo(String layout, byte[] png, Color colour) {
        ProcessedLogo logo = processor.process(png, CropBox.of(0, 0, 300));

        for (int size : ProcessedLogo.SIZES) {
            BufferedImage image = read(logo.png(size));
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getColorModel().hasAlpha())
                    .as("an opaque image gets no alpha channel")
                    .isFalse();
            assertThat(new Color(image.getRGB(size / 2, size / 2))).isEqualTo(colour);
            assertThat(new Color(image.getRGB(size - 1, 0))).isEqualTo(colour);
        }
    }

    @Test
    void a_transparent_colour_key_in_an_rgb_png_makes_those_pixels_transparent() {
        BufferedImage halves = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                halves.setRGB(x, y, x < 150 ? Color.WHITE.getRGB() : PALETTE_BLUE.getRGB());
            }
        }
        // tRNS for colour type 2: the red, green and blue sample of the transparent colour, 16 bits each.
        byte[] whiteIsTransparent =
                withChunkAfterHeader(LogoTestImages.png(halves), "tRNS", new byte[] {0, -1, 0, -1, 0, -1});

        BufferedImage logo = read(
                processor.process(whiteIsTransparent, CropBox.of(0, 0, 300)).png(512));

        assertThat(logo.getColorModel().hasAlpha()).isTrue();
        assertThat(logo.getRGB(100, 256) >>> 24).isZero();
        assertThat(logo.getRGB(400, 256)).isEqualTo(PALETTE_BLUE.getRGB());
    }

    @Test
    void malformed_exif_is_ignored_and_the_photo_taken_as_stored() {
        // A TIFF header whose first directory lies far past the end of the segment.
        byte[] exif = "Exif\0\0MM\0*\u007F\0\0\0".getBytes(ISO_8859_1);
        byte[] photo = withSegmentAfterSoi(jpeg(gradient(600, 400)), 0xE1, exif);

        assertThat(processor.inspect(photo)).isEqualTo(new ImageHeader(LogoType.JPEG, 600, 400));
        assertThat(read(processor.process(photo, CropBox.of(0, 0, 400)).png(64)).getWidth())
                .isEqualTo(64);
    }

    @Test
    void the_orientation_is_read_from_the_first_directory_only() {
        // IFD0 without an orientation, then IFD1 (a thumbnail's) that says "rotate 90° clockwise".
        ByteBuffer tiff = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(ISO_8859_1)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1)
                .putShort((short) 0x0100)
                .putShort((short) 3)
                .putInt(1)
                .putInt(600);
        tiff.putInt(26);
        tiff.putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putInt(6);
        tiff.putInt(0);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());

        byte[] photo = withSegmentAfterSoi(jpeg(gradient(600, 400)), 0xE1, exif);

        assertThat(processor.inspect(photo)).isEqualTo(new ImageHeader(LogoType.JPEG, 600, 400));
    }

    private static BufferedImage solid(int type) {
        BufferedImage image = new BufferedImage(300, 300, type);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, PALETTE_BLUE.getRGB());
            }
        }
        return image;
    }

    private static BufferedImage sixteenBitRgb(Color colour) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(300, 300);
        int[] pixel = {colour.getRed() * 257, colour.getGreen() * 257, colour.getBlue() * 257};
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** Grey and alpha, 8 bits each (PNG colour type 4), opaque everywhere, as editors often export. */
    private static BufferedImage greyWithAlpha(int grey) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(300, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                raster.setPixel(x, y, new int[] {grey, 0xFF});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static byte[] png(BufferedImage image, boolean interlaced) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (interlaced) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
