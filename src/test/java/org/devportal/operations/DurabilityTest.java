package org.devportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurabilityTest {

    @Test
    void flushing_every_commit_needs_no_warning() {
        assertThat(Durability.warning("1")).isEmpty();
    }

    @Test
    void flushing_about_once_a_second_warns_that_committed_grants_can_be_lost() {
        assertThat(Durability.warning("2"))
                .get()
                .asString()
                .contains("innodb_flush_log_at_trx_commit=2", "grants", "Set it to 1");
        assertThat(Durability.warning("0")).isPresent();
    }
}
