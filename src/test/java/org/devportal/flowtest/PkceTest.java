package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void the_challenge_of_the_rfc_7636_test_vector_is_its_s256_hash() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void a_generated_verifier_has_43_unreserved_characters_and_its_own_challenge() {
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
        assertThat(Pkce.generate(new SecureRandom()).verifier()).isNotEqualTo(pkce.verifier());
    }

    @Test
    void a_challenge_that_does_not_match_its_verifier_is_refused() {
        assertThatThrownBy(() -> new Pkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pkce("short", Pkce.challengeOf("short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("43 to 128");
    }

    @Test
    void the_verifier_never_appears_in_the_text_form() {
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertThat(pkce.toString())
                .doesNotContain(pkce.verifier())
                .contains(pkce.verifier().substring(0, 4) + "…(43)");
    }
}
