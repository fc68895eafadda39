package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryCodeFormatTest {

    @Test
    void generated_codes_are_four_groups_of_four_unambiguous_characters() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            codes.add(RecoveryCodeFormat.generate(random));
        }

        assertThat(codes)
                .hasSize(200)
                .allMatch(code -> code.matches("[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}"));
    }

    @Test
    void typing_is_forgiving_about_case_spaces_and_dashes() {
        assertThat(RecoveryCodeFormat.normalize(" k7qd m3xr-9wfa p2hn ")).contains("K7QD-M3XR-9WFA-P2HN");
    }

    @Test
    void input_that_cannot_be_a_code_is_refused_before_any_lookup() {
        assertThat(RecoveryCodeFormat.normalize("K7QD-M3XR-9WFA")).isEmpty();
        assertThat(RecoveryCodeFormat.normalize("K7QD-M3XR-9WFA-P2H0"))
                .as("0 is not in the alphabet")
                .isEmpty();
        assertThat(RecoveryCodeFormat.normalize(null)).isEmpty();
        assertThat(RecoveryCodeFormat.normalize("A".repeat(1000))).isEmpty();
    }

    @Test
    void the_first_group_is_the_lookup() {
        assertThat(RecoveryCodeFormat.lookup("K7QD-M3XR-9WFA-P2HN")).isEqualTo("K7QD");
    }
}
