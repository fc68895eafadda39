package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.devportal.test.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            clock,
            new IdpProperties.Throttle(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(4)));

    @Test
    void failures_below_the_limit_do_not_slow_anyone_down() {
        throttle.failed("ada@example.com", "10.0.0.1");
        throttle.failed("ada@example.com", "10.0.0.1");

        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.1")).isZero();
    }

    @Test
    void reaching_the_account_limit_makes_the_account_wait_the_base_delay() {
        failTimes("ada@example.com", "10.0.0.1", 3);

        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("bob@example.com", "10.0.0.9")).isZero();
    }

    @Test
    void each_further_failure_doubles_the_wait_up_to_the_maximum() {
        failTimes("ada@example.com", "10.0.0.1", 4);
        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.2")).isEqualTo(Duration.ofSeconds(60));

        throttle.failed("ada@example.com", "10.0.0.1");
        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.2")).isEqualTo(Duration.ofSeconds(120));

        failTimes("ada@example.com", "10.0.0.3", 10);
        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.2")).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void the_wait_counts_down_with_the_clock() {
        failTimes("ada@example.com", "10.0.0.1", 3);

        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.1")).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.1")).isZero();
    }

    @Test
    void failures_are_forgotten_after_the_window() {
        failTimes("ada@example.com", "10.0.0.1", 3);

        clock.advance(Duration.ofMinutes(16));
        throttle.failed("ada@example.com", "10.0.0.1");

        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.1")).isZero();
    }

    @Test
    void one_address_guessing_many_accounts_is_throttled_by_address() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@example.com", "203.0.113.7");
        }

        assertThat(throttle.retryAfter("someone-new@example.com", "203.0.113.7"))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("someone-new@example.com", "198.51.100.1"))
                .isZero();
    }

    @Test
    void a_success_clears_the_account_but_not_the_address() {
        failTimes("ada@example.com", "203.0.113.7", 2);
        throttle.succeeded("ada@example.com");
        failTimes("ada@example.com", "203.0.113.7", 2);

        assertThat(throttle.retryAfter("ada@example.com", "198.51.100.1")).isZero();
        throttle.failed("eve@example.com", "203.0.113.7");
        assertThat(throttle.retryAfter("other@example.com", "203.0.113.7")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void account_keys_ignore_letter_case_and_surrounding_spaces() {
        failTimes("Ada@Example.com ", "10.0.0.1", 3);

        assertThat(throttle.retryAfter("ada@example.com", "10.0.0.2")).isPositive();
    }

    private void failTimes(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }
}
