package org.devportal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import java.time.Duration;
import java.util.UUID;
import org.devportal.audit.AuditRecord;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.TokenLifetime;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewIT extends ViewTest {

    private static final int TOKENS = AuditView.PAGE_SIZE + 5;

    @Autowired
    InitialAccessTokenService tokens;

    private TeamSummary team;

    @BeforeEach
    void aTeamWithMoreEntriesThanAPage() {
        team = signInWithANewTeam("audit-view-" + UUID.randomUUID() + "@example.com", "Busy", Role.DEVELOPER);
        for (int i = 0; i < TOKENS; i++) {
            tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1);
            clock.advance(Duration.ofMillis(10));
        }
    }

    @Test
    void an_administrator_filters_by_team_and_action_and_pages_through_the_result() {
        signInAs("audit-view-admin@example.com", Role.ADMIN);
        AuditView view = navigate(AuditView.class);

        view.team.setValue(team.id());
        assertThat(GridKt._size(view.grid))
                .as("the tokens and the owner joining")
                .isEqualTo(TOKENS + 1);
        view.action.setValue("Sandbox registration token created");

        assertThat(GridKt._size(view.grid)).isEqualTo(TOKENS);
        AuditRecord last = GridKt._get(view.grid, TOKENS - 1);
        assertThat(last.action()).isEqualTo("Sandbox registration token created");
        assertThat(GridKt._getFormatted(view.grid.getColumnByKey("team"), last)).isEqualTo(team.name());
        assertThat(GridKt._get(view.grid, 0).at()).isAfter(last.at());

        view.actor.setValue("someone who never acted " + UUID.randomUUID());
        assertThat(GridKt._size(view.grid)).isZero();

        view.client.setValue("not a client id");
        assertThat(view.client.isInvalid()).isTrue();
        assertThat(view.client.getErrorMessage()).contains("No client has this");
    }

    @Test
    void anyone_but_an_administrator_is_refused() {
        signInAs("audit-view-reviewer@example.com", Role.DEVELOPER, Role.REVIEWER);

        ui().navigate("admin/audit");

        assertThat(LocatorJ._get(com.vaadin.flow.component.html.H1.class).getText())
                .isEqualTo("Page not found");
        assertThatThrownBy(() -> new AuditView(audit()))
                .as("the service refuses as well")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Autowired
    org.devportal.audit.PortalAudit portalAudit;

    private org.devportal.audit.PortalAudit audit() {
        return portalAudit;
    }

    private <T extends com.vaadin.flow.component.Component> T navigate(Class<T> view) {
        ui().navigate("admin/audit");
        return LocatorJ._get(view);
    }
}
