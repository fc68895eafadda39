package org.devportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditAggregatesTest {

    @Test
    void windows_start_at_whole_multiples_of_their_length() {
        Duration hour = Duration.ofHours(1);

        assertThat(AuditAggregates.windowStart(Instant.parse("2026-12-02T10:00:00Z"), hour))
                .isEqualTo("2026-12-02T10:00:00Z");
        assertThat(AuditAggregates.windowStart(Instant.parse("2026-12-02T10:59:59.999Z"), hour))
                .isEqualTo("2026-12-02T10:00:00Z");
        assertThat(AuditAggregates.windowStart(Instant.parse("2026-12-02T11:00:00Z"), hour))
                .isEqualTo("2026-12-02T11:00:00Z");
        assertThat(AuditAggregates.windowStart(Instant.parse("1969-12-31T23:30:00Z"), hour))
                .isEqualTo("1969-12-31T23:00:00Z");
    }
}
