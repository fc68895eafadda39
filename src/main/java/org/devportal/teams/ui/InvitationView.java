package org.devportal.teams.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.devportal.base.InvalidInputException;
import org.devportal.teams.InvitationPreview;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;

/** Opens an invitation link: who invites you to which team, and a button to join. */
@Route("invitation")
@PageTitle("Team invitation")
@PermitAll
final class InvitationView extends Div implements BeforeEnterObserver {

    private final TeamService teams;
    private final H1 title = new H1("Team invitation");
    private final Paragraph message = new Paragraph();
    private final Button accept = new Button("Join the team");
    private String token = "";

    InvitationView(TeamService teams) {
        this.teams = teams;
        addClassName("portal-page");
        message.setId("invitation-message");
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(event -> join());
        add(title, message, accept);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse("");
        // Keep the token out of the address bar and history once read.
        event.getUI().getPage().getHistory().replaceState(null, "invitation");
        InvitationPreview preview = teams.previewInvitation(token);
        if (preview.teamName() != null) {
            title.setText("Join " + preview.teamName());
        }
        if (preview.status() == InvitationPreview.Status.ACCEPTABLE) {
            message.setText(preview.invitedBy() + " invites you to join " + preview.teamName() + " as "
                    + preview.role().label().toLowerCase(Locale.ROOT) + ".");
            accept.setVisible(true);
        } else {
            message.setText(preview.status().message());
            accept.setVisible(false);
        }
    }

    private void join() {
        try {
            TeamSummary team = teams.acceptInvitation(token);
            getUI().ifPresent(ui -> ui.navigate("teams/" + team.id()));
        } catch (InvalidInputException e) {
            message.setText(e.getMessage());
            accept.setVisible(false);
        }
    }
}
