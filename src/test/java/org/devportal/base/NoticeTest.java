package org.devportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private final UUID team = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    @Test
    void a_notice_goes_to_a_team_or_to_a_role() {
        assertThat(Notice.toTeam(team, client, "Hello").role()).isNull();
        assertThat(Notice.toRole("REVIEWER", client, "Hello").teamId()).isNull();
    }

    @Test
    void a_notice_to_both_a_team_and_a_role_or_to_nobody_is_refused() {
        assertThatThrownBy(() -> new Notice(team, "REVIEWER", client, "Hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one team or one role");
        assertThatThrownBy(() -> new Notice(null, null, client, "Hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
