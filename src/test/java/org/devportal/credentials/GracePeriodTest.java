package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

    @Test
    void the_choices_are_now_one_hour_a_day_and_a_week_in_that_order() {
        assertThat(GracePeriod.values())
                .extracting(GracePeriod::duration)
                .containsExactly(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));
    }

    @Test
    void each_choice_has_a_label_for_the_user() {
        assertThat(GracePeriod.values())
                .extracting(GracePeriod::label)
                .containsExactly("Revoke now", "1 hour", "24 hours", "7 days");
    }

    @Test
    void only_now_is_immediate() {
        assertThat(GracePeriod.values()).filteredOn(GracePeriod::isImmediate).containsExactly(GracePeriod.NOW);
    }
}
