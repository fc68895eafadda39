package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devportal.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class SecretLabelTest {

    @Test
    void a_typed_label_is_stripped_and_a_blank_one_means_no_label() {
        assertThat(SecretLabel.parse("  prod cluster A "))
                .map(SecretLabel::value)
                .contains("prod cluster A");
        assertThat(SecretLabel.parse("   ")).isEmpty();
        assertThat(SecretLabel.parse(null)).isEmpty();
    }

    @Test
    void a_label_of_sixty_characters_is_accepted_and_one_more_is_refused() {
        assertThat(SecretLabel.parse("x".repeat(60))).isPresent();
        assertThatThrownBy(() -> SecretLabel.parse("x".repeat(61)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 60 characters")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("label");
    }

    @Test
    void characters_outside_the_basic_plane_count_once() {
        assertThat(SecretLabel.parse("🔑".repeat(60))).isPresent();
    }

    @Test
    void line_breaks_tabs_and_other_control_characters_are_refused() {
        for (String label : new String[] {"CI\nprod", "CI\tprod", "CI\u0000", "CI\u0085x"}) {
            assertThatThrownBy(() -> SecretLabel.parse(label))
                    .as(label)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("control characters");
        }
    }

    @Test
    void a_bidirectional_override_that_would_disguise_the_label_is_refused() {
        assertThatThrownBy(() -> SecretLabel.parse("CI \u202Edorp"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("control characters");
    }
}
