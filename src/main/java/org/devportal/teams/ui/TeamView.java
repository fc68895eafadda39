package org.devportal.teams.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.teams.InvitationSummary;
import org.devportal.teams.MemberSummary;
import org.devportal.teams.TeamName;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;

/** One team: its name, members and invitations. Owners manage them; developers see them. */
@Route("teams/:teamId")
@PageTitle("Team")
@RolesAllowed("DEVELOPER")
final class TeamView extends Div implements BeforeEnterObserver {

    private final TeamService teams;
    private final H1 title = new H1();
    private final Div ownerTools = new Div();
    private final Grid<MemberSummary> members = new Grid<>();
    private final Grid<InvitationSummary> invitations = new Grid<>();
    private final Div invitationsSection = new Div();
    private TeamSummary team;

    TeamView(TeamService teams) {
        this.teams = teams;
        addClassName("portal-page");
        members.setId("members");
        members.setAllRowsVisible(true);
        invitations.setId("invitations");
        invitations.setAllRowsVisible(true);
        invitations.setEmptyStateText("No pending invitations.");
        add(title, ownerTools, new H2("Members"), members, invitationsSection);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("teamId").orElse(""));
            team = teams.team(id);
        } catch (IllegalArgumentException | TeamNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        title.setText(team.name());
        ownerTools.removeAll();
        ownerTools.add(new Paragraph(new Anchor("teams/" + team.id() + "/clients", "Open the team's clients")));
        if (team.isOwner()) {
            ownerTools.add(renameForm(), inviteForm());
        }
        renderMembers();
        renderInvitations();
    }

    private HorizontalLayout renameForm() {
        TextField name = new TextField("Team name", team.name(), "");
        name.setId("rename-team");
        name.setMaxLength(TeamName.MAX_LENGTH);
        Button save = new Button("Rename", event -> {
            try {
                team = teams.renameTeam(team.id(), name.getValue());
                title.setText(team.name());
                name.setInvalid(false);
                success("Team renamed.");
            } catch (InvalidInputException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
        });
        save.setId("save-team-name");
        HorizontalLayout form = new HorizontalLayout(name, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("portal-wrap");
        return form;
    }

    private HorizontalLayout inviteForm() {
        EmailField email = new EmailField("Invite by e-mail");
        email.setId("invite-email");
        email.setPlaceholder("colleague@example.com");
        email.setMinWidth("18rem");
        Select<TeamRole> role = new Select<>();
        role.setId("invite-role");
        role.setLabel("Role");
        role.setItems(TeamRole.values());
        role.setItemLabelGenerator(TeamRole::label);
        role.setValue(TeamRole.DEVELOPER);
        Button invite = new Button("Send invitation", event -> {
            try {
                teams.invite(team.id(), email.getValue(), role.getValue());
                success("Invitation sent to " + email.getValue().strip() + ". The link works for 7 days.");
                email.clear();
                email.setInvalid(false);
                renderInvitations();
            } catch (InvalidInputException e) {
                email.setErrorMessage(e.getMessage());
                email.setInvalid(true);
            }
        });
        invite.setId("send-invitation");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, role, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("portal-wrap");
        return form;
    }

    private void renderMembers() {
        members.removeAllColumns();
        members.addColumn(m -> m.displayName() + (m.you() ? " (you)" : ""))
                .setHeader("Name")
                .setAutoWidth(true);
        members.addColumn(MemberSummary::email).setHeader("E-mail").setAutoWidth(true);
        members.addColumn(m -> Times.DATE.format(m.joinedAt())).setHeader("Joined");
        if (team.isOwner()) {
            members.addComponentColumn(this::roleSelect).setHeader("Role").setKey("role");
        } else {
            members.addColumn(m -> m.role().label()).setHeader("Role").setKey("role");
        }
        members.addComponentColumn(this::removeButton).setKey("remove");
        members.setItems(teams.members(team.id()));
    }

    private Select<TeamRole> roleSelect(MemberSummary member) {
        Select<TeamRole> select = new Select<>();
        select.setItems(TeamRole.values());
        select.setItemLabelGenerator(TeamRole::label);
        select.setValue(member.role());
        select.setAriaLabel("Role of " + member.email());
        select.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            try {
                teams.changeRole(team.id(), member.subject(), event.getValue());
                success(member.displayName() + " is now "
                        + event.getValue().label().toLowerCase(Locale.ROOT) + ".");
            } catch (InvalidInputException e) {
                error(e.getMessage());
            }
            renderMembers();
        });
        return select;
    }

    private Button removeButton(MemberSummary member) {
        if (!team.isOwner() && !member.you()) {
            Button none = new Button();
            none.setVisible(false);
            return none;
        }
        Button remove = new Button(member.you() ? "Leave team" : "Remove", event -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(member.you() ? "Leave " + team.name() + "?" : "Remove " + member.displayName() + "?");
            confirm.setText(
                    member.you()
                            ? "You lose access to the team's clients until someone invites you again."
                            : member.displayName() + " loses access to the team's clients.");
            confirm.setCancelable(true);
            confirm.setConfirmText(member.you() ? "Leave" : "Remove");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(confirmed -> {
                try {
                    teams.removeMember(team.id(), member.subject());
                    if (member.you()) {
                        getUI().ifPresent(ui -> ui.navigate("teams"));
                    } else {
                        renderMembers();
                    }
                } catch (InvalidInputException e) {
                    error(e.getMessage());
                }
            });
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private void renderInvitations() {
        invitationsSection.removeAll();
        if (!team.isOwner()) {
            return;
        }
        invitations.removeAllColumns();
        invitations.addColumn(InvitationSummary::email).setHeader("Invited").setAutoWidth(true);
        invitations.addColumn(i -> i.role().label()).setHeader("Role");
        invitations.addColumn(InvitationSummary::invitedBy).setHeader("By");
        invitations.addColumn(i -> Times.DATE.format(i.expiresAt())).setHeader("Expires");
        invitations
                .addComponentColumn(invitation -> {
                    Button revoke = new Button("Revoke", event -> {
                        ConfirmDialog confirm = new ConfirmDialog(
                                "Revoke the invitation to " + invitation.email() + "?",
                                "The link in the e-mail stops working.",
                                "Revoke",
                                confirmed -> {
                                    teams.revokeInvitation(invitation.id());
                                    renderInvitations();
                                });
                        confirm.setCancelable(true);
                        confirm.setConfirmButtonTheme("error primary");
                        confirm.open();
                    });
                    revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return revoke;
                })
                .setKey("revoke");
        invitations.setItems(teams.pendingInvitations(team.id()));
        invitationsSection.add(new H2("Pending invitations"), invitations);
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
