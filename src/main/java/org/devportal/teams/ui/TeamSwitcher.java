package org.devportal.teams.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.devportal.base.ui.NavbarContribution;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;

/**
 * The team switcher in the shell's navigation bar: picks whose clients the pages show, by mouse or keyboard (a
 * Select: Enter, Space or the arrow keys open it, the arrow keys move, Enter picks). The team of the page on screen
 * is remembered as the user's last used one, which sign-in opens next time.
 */
@org.springframework.stereotype.Component
class TeamSwitcher implements NavbarContribution {

    private final TeamService teams;

    TeamSwitcher(TeamService teams) {
        this.teams = teams;
    }

    @Override
    public Component create() {
        return new Switcher(teams);
    }

    /** One switcher per shell. It follows the team in the current route, and navigates when a team is picked. */
    static final class Switcher extends Select<TeamSummary> {

        private final TeamService teams;
        private Registration navigationListener;

        Switcher(TeamService teams) {
            this.teams = teams;
            setId("team-switcher");
            setAriaLabel("Team");
            setPlaceholder("Choose a team");
            setItemLabelGenerator(team -> team.personal() ? team.name() + " (personal)" : team.name());
            addValueChangeListener(event -> {
                if (event.isFromClient() && event.getValue() != null) {
                    getUI().ifPresent(ui ->
                            ui.navigate("teams/" + event.getValue().id() + "/clients"));
                }
            });
        }

        // Select's own attach and detach start and stop its client-side connector, which moves the items into
        // the overlay: without the super calls the list opens empty and swallows the next click.
        @Override
        protected void onAttach(AttachEvent event) {
            super.onAttach(event);
            refresh(teamIn(event.getUI().getInternals().getActiveViewLocation().getPath()));
            navigationListener = event.getUI().addAfterNavigationListener(this::follow);
        }

        @Override
        protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
            if (navigationListener != null) {
                navigationListener.remove();
                navigationListener = null;
            }
            super.onDetach(event);
        }

        private void follow(AfterNavigationEvent event) {
            refresh(teamIn(event.getLocation().getPath()));
        }

        /** The team in a path like {@code teams/{id}} or {@code teams/{id}/clients}, if any. */
        private static UUID teamIn(String path) {
            String[] segments = path.split("/");
            return segments.length >= 2 && segments[0].equals("teams") ? parse(segments[1]) : null;
        }

        private void refresh(UUID selected) {
            List<TeamSummary> mine = teams.myTeams();
            TeamSummary current = getValue();
            setItems(mine);
            UUID wanted = selected != null ? selected : current != null ? current.id() : null;
            mine.stream()
                    .filter(team -> Objects.equals(team.id(), wanted))
                    .findFirst()
                    .ifPresent(team -> {
                        setValue(team);
                        if (selected != null) {
                            teams.rememberTeamUsed(selected);
                        }
                    });
        }

        private static UUID parse(String id) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
