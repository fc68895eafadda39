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

    @Test
    void a_notice_opens_its_clients_page_by_default_or_its_teams_page_without_a_client() {
        assertThat(Notice.toTeam(team, client, "Hello").target()).isEqualTo(NoticeTarget.client(client));
        assertThat(Notice.toTeam(team, null, "Hello").target()).isEqualTo(NoticeTarget.team(team));
        assertThat(Notice.toRole("REVIEWER", null, "Hello").target()).isNull();
    }

    @Test
    void a_notice_can_open_another_page_such_as_a_review() {
        UUID review = UUID.randomUUID();

        Notice notice = Notice.toRole("REVIEWER", client, "New submission").linkingTo(NoticeTarget.review(review));

        assertThat(notice.target().path()).isEqualTo("/review/" + review);
        assertThat(notice.clientId()).isEqualTo(client);
    }

    @Test
    void each_kind_of_page_has_its_own_path_built_from_the_id_alone() {
        assertThat(NoticeTarget.client(client).path()).isEqualTo("/clients/" + client);
        assertThat(NoticeTarget.team(team).path()).isEqualTo("/teams/" + team);
        assertThatThrownBy(() -> new NoticeTarget(NoticeTarget.Kind.CLIENT, null))
                .isInstanceOf(NullPointerException.class);
    }
}
