package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devportal.logos.LogoRejectedException.Reason;
import org.junit.jupiter.api.Test;

class CropBoxTest {

    @Test
    void a_box_with_a_negative_corner_is_refused() {
        assertThatThrownBy(() -> CropBox.of(-1, 0, 300))
                .isExactlyInstanceOf(LogoRejectedException.class)
                .hasMessage("The crop area starts outside the image; move it so that it lies inside the image");
        assertThatThrownBy(() -> CropBox.of(0, -5, 300)).isExactlyInstanceOf(LogoRejectedException.class);
    }

    @Test
    void a_box_smaller_than_256_pixels_is_refused_with_a_hint_to_zoom_out() {
        assertThatThrownBy(() -> CropBox.of(0, 0, 255))
                .isExactlyInstanceOf(LogoRejectedException.class)
                .hasMessage("The crop area is 255×255 pixels; make it at least 256×256 by zooming out")
                .satisfies(e -> assertThat(((LogoRejectedException) e).reason()).isEqualTo(Reason.INVALID_CROP));
        assertThatThrownBy(() -> CropBox.of(0, 0, 0)).isExactlyInstanceOf(LogoRejectedException.class);
    }

    @Test
    void a_box_that_touches_the_edges_of_the_image_fits() {
        assertThatCode(() -> CropBox.of(200, 0, 400).requireInside(600, 400)).doesNotThrowAnyException();
    }

    @Test
    void a_box_reaching_one_pixel_past_an_edge_is_refused() {
        assertThatThrownBy(() -> CropBox.of(201, 0, 400).requireInside(600, 400))
                .isExactlyInstanceOf(LogoRejectedException.class)
                .hasMessage("The crop area reaches past the edge of the 600×400 image; "
                        + "move it so that it lies inside the image");
        assertThatThrownBy(() -> CropBox.of(0, 1, 400).requireInside(600, 400))
                .isExactlyInstanceOf(LogoRejectedException.class);
    }

    @Test
    void a_box_larger_than_the_short_side_is_refused_with_the_largest_size_that_fits() {
        assertThatThrownBy(() -> CropBox.of(0, 0, 500).requireInside(600, 400))
                .isExactlyInstanceOf(LogoRejectedException.class)
                .hasMessage("The crop area is 500×500 pixels, but this 600×400 image allows at most 400×400; "
                        + "make the crop area smaller");
    }

    @Test
    void a_corner_so_far_out_that_adding_the_size_would_overflow_is_still_refused() {
        assertThatThrownBy(() -> CropBox.of(Integer.MAX_VALUE - 100, 0, 300).requireInside(600, 400))
                .isExactlyInstanceOf(LogoRejectedException.class);
    }

    @Test
    void the_first_proposal_is_the_largest_square_in_the_middle() {
        assertThat(CropBox.centredIn(new ImageHeader(LogoType.JPEG, 4000, 3000)))
                .isEqualTo(CropBox.of(500, 0, 3000));
        assertThat(CropBox.centredIn(new ImageHeader(LogoType.PNG, 300, 301))).isEqualTo(CropBox.of(0, 0, 300));
    }
}
