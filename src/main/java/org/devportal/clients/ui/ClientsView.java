package org.devportal.clients.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.devportal.base.ui.EmptyState;

/** A developer's start page: the OAuth clients of their teams. */
@Route("clients")
@PageTitle("Your clients")
@Menu(order = 1, title = "Your clients", icon = "vaadin:cubes")
@RolesAllowed("DEVELOPER")
final class ClientsView extends Div {

    ClientsView() {
        addClassName("portal-page");
        Paragraph intro = new Paragraph("An OAuth client is the registered identity of your integration: its client ID, "
                + "secrets, redirect URIs and scopes, and the name and logo users see when they connect it.");
        intro.addClassName("portal-muted");
        add(new H1("Your clients"), intro, new EmptyState(VaadinIcon.CUBES, "No clients yet",
                "Clients your teams register appear here, with their review status. "
                        + "Client registration opens in the next release of the portal."));
    }
}
