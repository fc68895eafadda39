package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecondFactorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final SecurityProperties.StepUpSettings DEFAULTS =
            new SecurityProperties.StepUpSettings(null, null, null, null);

    private static Map<String, Object> token(Object amr, Instant authTime) {
        return Map.of("amr", amr, "auth_time", authTime);
    }

    @Test
    void the_defaults_are_five_minutes_the_amr_claim_and_the_usual_second_factor_methods() {
        assertThat(DEFAULTS.maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.claim()).isEqualTo("amr");
        assertThat(DEFAULTS.values()).containsExactly("hwk", "mfa", "otp", "swk");
        assertThat(DEFAULTS.acr()).isEmpty();
    }

    @Test
    void a_passkey_checked_within_the_maximum_age_is_fresh() {
        assertThat(SecondFactor.isFresh(token(List.of("pwd", "hwk"), NOW.minusSeconds(299)), DEFAULTS, NOW))
                .isTrue();
    }

    @Test
    void a_passkey_checked_longer_ago_than_the_maximum_age_is_stale() {
        assertThat(SecondFactor.isFresh(token(List.of("pwd", "hwk"), NOW.minusSeconds(301)), DEFAULTS, NOW))
                .isFalse();
    }

    @Test
    void a_password_alone_is_never_a_second_factor() {
        assertThat(SecondFactor.isFresh(token(List.of("pwd"), NOW), DEFAULTS, NOW))
                .isFalse();
        assertThat(SecondFactor.isFresh(Map.of("auth_time", NOW), DEFAULTS, NOW))
                .isFalse();
    }

    @Test
    void a_recovery_code_counts_as_a_second_factor() {
        assertThat(SecondFactor.isFresh(token(List.of("pwd", "otp"), NOW), DEFAULTS, NOW))
                .isTrue();
    }

    @Test
    void an_auth_time_far_in_the_future_is_not_believed() {
        assertThat(SecondFactor.isFresh(token(List.of("hwk"), NOW.plus(Duration.ofMinutes(10))), DEFAULTS, NOW))
                .isFalse();
    }

    @Test
    void auth_time_as_epoch_seconds_and_amr_as_a_string_are_read_too() {
        Map<String, Object> claims =
                Map.of("amr", "pwd mfa", "auth_time", NOW.minusSeconds(10).getEpochSecond());

        assertThat(SecondFactor.isFresh(claims, DEFAULTS, NOW)).isTrue();
    }

    @Test
    void a_configured_claim_and_acr_value_are_what_counts() {
        SecurityProperties.StepUpSettings custom = new SecurityProperties.StepUpSettings(
                Duration.ofMinutes(1), "methods", List.of("webauthn"), "urn:example:loa:2");

        assertThat(SecondFactor.isFresh(Map.of("methods", List.of("webauthn"), "auth_time", NOW), custom, NOW))
                .isTrue();
        assertThat(SecondFactor.isFresh(token(List.of("hwk"), NOW), custom, NOW))
                .isFalse();
        assertThat(SecondFactor.isFresh(Map.of("acr", "urn:example:loa:2", "auth_time", NOW), custom, NOW))
                .isTrue();
        assertThat(SecondFactor.isFresh(
                        Map.of("acr", "urn:example:loa:2", "auth_time", NOW.minusSeconds(61)), custom, NOW))
                .isFalse();
    }

    @Test
    void the_audited_methods_are_the_second_factors_the_token_names_without_the_password() {
        assertThat(SecondFactor.methods(token(List.of("pwd", "otp", "hwk"), NOW), DEFAULTS))
                .containsExactly("otp", "hwk");
        assertThat(SecondFactor.methods(token("pwd otp", NOW), DEFAULTS)).containsExactly("otp");
        assertThat(SecondFactor.methods(Map.of("auth_time", NOW), DEFAULTS)).isEmpty();
    }
}
