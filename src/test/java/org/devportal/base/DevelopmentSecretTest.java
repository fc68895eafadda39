package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DevelopmentSecretTest {

    private final DevelopmentSecret secret = new DevelopmentSecret("PORTAL_EXAMPLE_KEY", "the example");

    @Test
    void the_development_value_is_refused_outside_the_demo_profile_naming_the_variable_and_how_to_make_one() {
        assertThatThrownBy(() -> secret.requireConfigured(true, false))
                .isInstanceOf(DevelopmentSecret.Refused.class)
                .hasMessageContaining("PORTAL_EXAMPLE_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void the_development_value_is_accepted_in_the_demo_profile() {
        assertThatCode(() -> secret.requireConfigured(true, true)).doesNotThrowAnyException();
    }

    @Test
    void a_configured_value_is_accepted_everywhere() {
        assertThatCode(() -> secret.requireConfigured(false, false)).doesNotThrowAnyException();
    }

    @Test
    void the_start_up_report_says_which_variable_to_set_and_how() {
        Throwable failure = new IllegalStateException(
                "Error creating bean", catchRefusal(() -> secret.requireConfigured(true, false)));

        FailureAnalysis analysis = new DevelopmentSecretFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("PORTAL_EXAMPLE_KEY");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32", "PORTAL_EXAMPLE_KEY");
    }

    private static Throwable catchRefusal(Runnable check) {
        try {
            check.run();
        } catch (DevelopmentSecret.Refused refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }
}
