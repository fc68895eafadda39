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
    void a_jpeg_renamed_png_is_refused_with_the_way_out() {
        assertThatThrownBy(() -> processor.inspect(jpeg, "logo.png"))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessage("This file is a JPEG image, but its name says otherwise. Rename it to end in .jpg, "
                        + "or export it again, and upload it again");
    }

    @Test
    void a_png_renamed_jpg_is_refused_with_the_way_out() {
        assertThatThrownBy(() -> processor.inspect(png, "Logo.JPG"))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessageContaining("This file is a PNG image")
                .hasMessageContaining(".png");
    }

    @Test
    void a_matching_or_unknown_name_is_fine_since_the_type_comes_from_the_bytes() {
        assertThat(processor.inspect(jpeg, "photo.jpeg").type()).isEqualTo(LogoType.JPEG);
        assertThat(processor.inspect(png, "logo.png").type()).isEqualTo(LogoType.PNG);
        assertThat(processor.inspect(png, "logo").type()).isEqualTo(LogoType.PNG);
        assertThat(processor.inspect(png, null).type()).isEqualTo(LogoType.PNG);
    }

    @Test
    void reading_an_upload_stops_after_five_megabytes() {
        byte[] huge = new byte[6 * 1024 * 1024];
        assertThatThrownBy(() -> processor.read(new ByteArrayInputStream(huge)))
                .isInstanceOf(LogoRejectedException.class)
                .hasMessageContaining("larger than 5 MB");
    }
}
