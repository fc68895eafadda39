package org.devportal.teams.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.devportal.base.InvalidInputException;
import org.devportal.teams.TeamName;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;

/** The teams the user belongs to, and a way to create another. */
@Route("teams")
@PageTitle("Teams")
@Menu(order = 3, title = "Teams", icon = "vaadin:group")
@RolesAllowed("DEVELOPER")
final class TeamsView extends Div {

    private final TeamService teams;
    private final Grid<TeamSummary> grid = new Grid<>();

    TeamsView(TeamService teams) {
        this.teams = teams;
        addClassName("portal-page");
        Button create = new Button("New team", VaadinIcon.PLUS.create(), event -> openCreateDialog());
        create.setId("new-team");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H1("Teams"), create);
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();
        Paragraph intro = new Paragraph("A team owns clients together. Owners manage members and invitations; "
                + "developers manage the team's clients.");
        intro.addClassName("portal-muted");
        grid.setId("teams");
        grid.addColumn(team -> team.personal() ? team.name() + " (personal)" : team.name())
                .setHeader("Team")
                .setAutoWidth(true);
        grid.addColumn(team -> team.myRole().label()).setHeader("Your role");
        grid.addColumn(TeamSummary::memberCount).setHeader("Members");
        grid.addItemClickListener(event ->
                getUI().ifPresent(ui -> ui.navigate("teams/" + event.getItem().id())));
        grid.setAllRowsVisible(true);
        add(header, intro, grid);
        grid.setItems(teams.myTeams());
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New team");
        TextField name = new TextField("Team name");
        name.setId("team-name");
        name.setMaxLength(TeamName.MAX_LENGTH);
        name.setWidthFull();
        name.setHelperText("For example your company or product name. You can rename it later.");
        Button save = new Button("Create team", event -> {
            try {
                TeamSummary team = teams.createTeam(name.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("teams/" + team.id()));
            } catch (InvalidInputException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
        });
        save.setId("create-team");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        add(dialog);
        dialog.open();
        name.focus();
    }
}
