package org.devportal.clients.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.devportal.teams.TeamService;

/** "Your clients": opens the client list of the team the user worked in last (their personal team on a first visit). */
@Route("clients")
@PageTitle("Your clients")
@Menu(order = 1, title = "Your clients", icon = "vaadin:cubes")
@RolesAllowed("DEVELOPER")
final class ClientsView extends Div implements BeforeEnterObserver {

    private final TeamService teams;

    ClientsView(TeamService teams) {
        this.teams = teams;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("teams/" + teams.lastUsedTeam().id() + "/clients");
    }
}
