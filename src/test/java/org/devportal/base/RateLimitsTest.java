package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits();

    @Test
    void an_address_past_its_hourly_allowance_is_asked_to_try_again_later() {
        RateLimits.Limit twoPerAddress = new RateLimits.Limit(2, 100);
        limits.take("sign-up", "a@example.com", twoPerAddress);
        limits.take("sign-up", "b@example.com", twoPerAddress);

        assertThatThrownBy(() -> limits.take("sign-up", "c@example.com", twoPerAddress))
                .isInstanceOf(TryAgainLaterException.class)
                .hasMessageContaining("Try again in");
    }

    @Test
    void an_account_past_its_hourly_allowance_is_refused_while_other_accounts_go_on() {
        RateLimits.Limit onePerAccount = new RateLimits.Limit(100, 1);
        limits.take("invitation", "owner-1", onePerAccount);

        assertThatThrownBy(() -> limits.take("invitation", "OWNER-1 ", onePerAccount))
                .isInstanceOf(TryAgainLaterException.class);
        limits.take("invitation", "owner-2", onePerAccount);
    }

    @Test
    void each_action_has_its_own_allowance() {
        RateLimits.Limit one = new RateLimits.Limit(1, 1);
        limits.take("password-reset", "x@example.com", one);

        limits.take("resend-verification", "x@example.com", one);
        assertThat(RateLimits.currentAddress()).isEqualTo("unknown");
    }
}
