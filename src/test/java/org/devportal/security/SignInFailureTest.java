package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class SignInFailureTest {

    @Test
    void a_state_that_matches_no_started_sign_in_is_reported_as_a_state_mismatch() {
        assertThat(SignInFailure.classify(oauth("authorization_request_not_found")))
                .isEqualTo(SignInFailure.STATE_MISMATCH);
        assertThat(SignInFailure.classify(oauth("invalid_state_parameter"))).isEqualTo(SignInFailure.STATE_MISMATCH);
    }

    @Test
    void provider_side_failures_and_cancellations_are_told_apart() {
        assertThat(SignInFailure.classify(oauth("access_denied"))).isEqualTo(SignInFailure.ACCESS_DENIED);
        assertThat(SignInFailure.classify(oauth("email_not_verified"))).isEqualTo(SignInFailure.UNVERIFIED);
        assertThat(SignInFailure.classify(oauth("invalid_id_token"))).isEqualTo(SignInFailure.PROVIDER_ERROR);
        assertThat(SignInFailure.classify(new BadCredentialsException("x"))).isEqualTo(SignInFailure.UNKNOWN);
    }

    @Test
    void codes_round_trip_and_unknown_codes_fall_back_to_a_generic_message() {
        for (SignInFailure failure : SignInFailure.values()) {
            assertThat(SignInFailure.fromCode(failure.code())).isEqualTo(failure);
        }
        assertThat(SignInFailure.fromCode("<script>")).isEqualTo(SignInFailure.UNKNOWN);
    }

    private static OAuth2AuthenticationException oauth(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }
}
