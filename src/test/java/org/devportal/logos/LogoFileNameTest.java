package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LogoFileNameTest {

    private final LogoProcessor processor = new LogoProcessor();
    private final byte[] jpeg = LogoTestImages.jpeg(LogoTestImages.quadrants(400, 300, 200, 150));
    private final byte[] png = LogoTestImages.png(LogoTestImages.quadrants(400, 300, 200, 150));

    @Test
    void the_content_decides_the_type_so_a_jpeg_named_png_is_a_jpeg() {
        // There is no name to pass: the service and the processor take the bytes alone.
        assertThat(processor.inspect(jpeg).type()).isEqualTo(LogoType.JPEG);
        assertThat(processor.inspect(png).type()).isEqualTo(LogoType.PNG);
    }

    @Test
    void reading_an_upload_stops_after_five_megabytes() {
        byte[] huge = new byte[6 * 1024 * 1024];
        assertThatThrownBy(() -> processor.read(new ByteArrayInputStream(huge)))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessage("This file is larger than 5 MB, the limit. Export it at 512×512 as a PNG, or as a JPEG, "
                        + "and upload it again");
    }

    @Test
    void a_file_the_browser_announced_as_too_large_is_refused_with_its_size_without_reading_it() throws Exception {
        byte[] huge = new byte[6 * 1024 * 1024 + 100_000];
        ByteArrayInputStream upload = new ByteArrayInputStream(huge);

        assertThatThrownBy(() -> processor.read(upload, huge.length))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessage("This file is 6.1 MB; the limit is 5 MB. Export it at 512×512 as a PNG, or as a JPEG, and "
                        + "upload it again");
        assertThat(upload.available()).isEqualTo(huge.length);
    }

    @Test
    void sizes_are_shown_in_megabytes_with_one_decimal_rounded_up() {
        assertThat(LogoProcessor.megabytes(6_000_000)).isEqualTo("5.8 MB");
        assertThat(LogoProcessor.megabytes(5L * 1024 * 1024 + 1)).isEqualTo("5.1 MB");
        assertThat(LogoProcessor.megabytes(5L * 1024 * 1024)).isEqualTo("5.0 MB");
        assertThat(LogoProcessor.tooLarge(6_400_000).reason()).isEqualTo(LogoRejectedException.Reason.TOO_LARGE);
    }
}
