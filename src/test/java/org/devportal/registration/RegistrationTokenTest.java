package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.devportal.registration.RegistrationToken.Kind;
import org.junit.jupiter.api.Test;

class RegistrationTokenTest {

    private static final String KNOWN = "dpiat_0123456789012345678901234567890123456789abc";

    @Test
    void a_new_initial_access_token_has_its_prefix_and_43_base62_characters_of_randomness() {
        String value = RegistrationToken.generate(Kind.INITIAL_ACCESS).value();

        assertThat(value).hasSize(49).matches("dpiat_[0-9A-Za-z]{43}");
        // 43 characters of a 62-letter alphabet carry at least 256 bits.
        assertThat(43 * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(256);
    }

    @Test
    void a_new_registration_access_token_has_its_own_prefix() {
        assertThat(RegistrationToken.generate(Kind.REGISTRATION_ACCESS).value()).matches("dprat_[0-9A-Za-z]{43}");
    }

    @Test
    void generated_tokens_do_not_repeat() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            values.add(RegistrationToken.generate(Kind.INITIAL_ACCESS).value());
        }
        assertThat(values).hasSize(1000);
    }

    @Test
    void a_well_formed_token_of_the_expected_kind_is_accepted() {
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN))
                .hasValueSatisfying(token -> assertThat(token.kind()).isEqualTo(Kind.INITIAL_ACCESS));
    }

    @Test
    void a_token_of_the_other_kind_is_refused() {
        String registrationToken =
                RegistrationToken.generate(Kind.REGISTRATION_ACCESS).value();

        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, registrationToken))
                .isEmpty();
        assertThat(RegistrationToken.parse(Kind.REGISTRATION_ACCESS, KNOWN)).isEmpty();
    }

    @Test
    void malformed_tokens_are_refused_before_they_are_hashed() {
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, null)).isEmpty();
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, "")).isEmpty();
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN + "d")).isEmpty();
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN.substring(0, 48)))
                .isEmpty();
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN.replace('a', '-')))
                .isEmpty();
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, "DPIAT_" + KNOWN.substring(6)))
                .isEmpty();
    }

    @Test
    void the_stored_form_is_the_sha256_of_the_value_in_hexadecimal() {
        RegistrationToken token =
                RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN).orElseThrow();

        assertThat(token.hash()).isEqualTo("c65284edfd4c782b5adcf9dc64cdfbfb8eb65a1f7f75889efcf39e9581952066");
    }

    @Test
    void the_hint_shows_the_prefix_and_the_first_four_characters_only() {
        RegistrationToken token =
                RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN).orElseThrow();

        assertThat(token.displayHint()).isEqualTo("dpiat_0123…");
    }

    @Test
    void to_string_never_shows_the_value() {
        RegistrationToken token = RegistrationToken.generate(Kind.INITIAL_ACCESS);

        assertThat(token.toString()).doesNotContain(token.value()).contains(token.displayHint());
    }

    @Test
    void tokens_with_the_same_value_are_equal() {
        assertThat(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN))
                .isEqualTo(RegistrationToken.parse(Kind.INITIAL_ACCESS, KNOWN));
    }
}
