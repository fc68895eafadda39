package org.devportal.teams.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TeamSwitcherViewIT extends ViewTest {

    @Autowired
    TeamService teams;

    @Test
    void the_switcher_lists_the_users_teams_and_shows_the_team_on_screen() {
        signInAs("switcher-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        TeamSummary personal = teams.myTeams().getFirst();
        TeamSummary acme = newTeam("Acme");

        ui().navigate("");

        Select<TeamSummary> switcher = switcher();
        assertThat(switcher.getListDataView().getItems().map(TeamSummary::id))
                .containsExactly(personal.id(), acme.id());
        assertThat(switcher.getValue().id()).isEqualTo(personal.id());
        assertThat(_get(H1.class).getText()).isEqualTo(personal.name() + ": clients");
    }

    @Test
    void picking_a_team_opens_its_clients_and_sign_in_returns_to_it() {
        signInAs("switcher-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        teams.myTeams();
        TeamSummary acme = newTeam("Acme");
        ui().navigate("");

        HasValueUtilsKt._setValue(switcher(), pick(acme));

        assertThat(ui().getInternals().getActiveViewLocation().getPath()).isEqualTo("teams/" + acme.id() + "/clients");
        assertThat(_get(H1.class).getText()).isEqualTo(acme.name() + ": clients");
        assertThat(switcher().getValue().id()).isEqualTo(acme.id());

        ui().navigate("teams");
        ui().navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo(acme.name() + ": clients");
        ui().navigate("clients");
        assertThat(_get(H1.class).getText()).isEqualTo(acme.name() + ": clients");
    }

    @SuppressWarnings("unchecked")
    private static Select<TeamSummary> switcher() {
        return _get(Select.class, spec -> spec.withId("team-switcher"));
    }

    private static TeamSummary pick(TeamSummary team) {
        return switcher()
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(team.id()))
                .findFirst()
                .orElseThrow();
    }
}
