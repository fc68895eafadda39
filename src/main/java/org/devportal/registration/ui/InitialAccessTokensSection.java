package org.devportal.registration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.clients.ui.ClientListContribution;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.InitialAccessTokenView;
import org.devportal.registration.RegistrationAccessTokenService;
import org.devportal.registration.RegistrationAccessTokenView;
import org.devportal.teams.TeamNotFoundException;

/**
 * The registration API on a team's client list: the team's initial access tokens, a button to create one and a
 * revoke button on each active one; below them, the registration access tokens of the clients the API registered.
 */
@org.springframework.stereotype.Component
class InitialAccessTokensSection implements ClientListContribution {

    private final InitialAccessTokenService tokens;
    private final RegistrationAccessTokenService accessTokens;

    InitialAccessTokensSection(InitialAccessTokenService tokens, RegistrationAccessTokenService accessTokens) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(UUID teamId) {
        return new Section(teamId);
    }

    /*
     * Collapsed unless the team uses the API: most teams never do, and its explanations, endpoints and token lists
     * would be about fifteen components in every session that shows the list. It is built when first opened.
     */
    private final class Section extends Details {

        private final UUID teamId;
        // Built when the team has a token to show: most teams have none, and a grid is seven columns of state.
        private final Div gridSlot = new Div();
        private Grid<InitialAccessTokenView> grid;
        private Paragraph empty;

        Section(UUID teamId) {
            this.teamId = teamId;
            setId("registration-api");
            H2 heading = new H2("Registration API");
            heading.getStyle().set("margin", "0");
            setSummary(heading);
            setWidthFull();
            List<InitialAccessTokenView> initial = tokens.list(teamId);
            List<RegistrationAccessTokenView> registered = accessTokens.list(teamId);
            if (!initial.isEmpty() || !registered.isEmpty()) {
                build(initial, registered);
                setOpened(true);
            } else {
                addOpenedChangeListener(event -> {
                    if (event.isOpened() && empty == null) {
                        build(tokens.list(teamId), accessTokens.list(teamId));
                    }
                });
            }
        }

        /**
         * @param initial the team's initial access tokens, as just read
         * @param registered the registration access tokens of its API-registered clients, as just read
         */
        private void build(List<InitialAccessTokenView> initial, List<RegistrationAccessTokenView> registered) {
            Paragraph intro = new Paragraph("Automation can register clients in this team with OAuth dynamic "
                    + "client registration (RFC 7591). A sandbox token registers at ");
            Span endpoint = new Span(tokens.registrationEndpoint());
            endpoint.setId("registration-endpoint");
            endpoint.addClassName("portal-reference");
            Span production = new Span(tokens.registrationEndpoint(Environment.PRODUCTION));
            production.setId("production-registration-endpoint");
            production.addClassName("portal-reference");
            intro.add(
                    endpoint,
                    new Span("; a production token, which only owners create, registers at "),
                    production,
                    new Span(" and puts each client into review. Each token works for a limited time and "
                            + "number of registrations, and is shown once."));
            intro.addClassName("portal-muted");
            empty = new Paragraph("No initial access tokens yet. Create one to let a script or your CI pipeline "
                    + "register sandbox clients for this team.");
            empty.setId("no-initial-access-tokens");
            Button create = new Button(
                    "Create initial access token",
                    VaadinIcon.KEY.create(),
                    event -> new CreateTokenDialog(
                                    (environment, lifetime, maxUses) ->
                                            tokens.create(teamId, environment, lifetime, maxUses),
                                    tokens.mayCreateProductionTokens(teamId),
                                    created -> new RevealTokenDialog(
                                                    created,
                                                    tokens.registrationEndpoint(
                                                            created.view().environment()),
                                                    this::refresh)
                                            .open())
                            .open());
            create.setId("create-initial-access-token");
            add(intro, empty, gridSlot, create, new RegistrationAccessTokensList(accessTokens, teamId, registered));
            show(initial);
        }

        private Grid<InitialAccessTokenView> createGrid() {
            Grid<InitialAccessTokenView> grid = new Grid<>();
            grid.setId("initial-access-tokens");
            grid.setAllRowsVisible(true);
            grid.addColumn(InitialAccessTokenView::displayHint)
                    .setHeader("Token")
                    .setAutoWidth(true);
            grid.addColumn(token -> token.environment() == Environment.PRODUCTION ? "Production" : "Sandbox")
                    .setHeader("Registers at")
                    .setKey("environment")
                    .setAutoWidth(true);
            grid.addColumn(token -> token.status().label())
                    .setHeader("Status")
                    .setKey("status")
                    .setAutoWidth(true);
            grid.addColumn(token -> Times.DATE_TIME.format(token.createdAt()) + " by " + token.createdBy())
                    .setHeader("Created")
                    .setAutoWidth(true);
            grid.addColumn(token -> token.revokedAt() != null
                            ? "Revoked " + Times.DATE_TIME.format(token.revokedAt()) + " by " + token.revokedBy()
                            : Times.DATE_TIME.format(token.expiresAt()))
                    .setHeader("Expires")
                    .setAutoWidth(true);
            grid.addColumn(token -> token.usesLeft() + " of " + token.maxUses())
                    .setHeader("Uses left")
                    .setKey("usesLeft")
                    .setAutoWidth(true);
            grid.addComponentColumn(this::revokeButton).setKey("revoke");
            return grid;
        }

        private Component revokeButton(InitialAccessTokenView token) {
            return RevokeButton.of(
                    token.status().isActive(),
                    token.displayHint(),
                    "Automation using this token can no longer register clients, at once. Clients it already "
                            + "registered keep working. This cannot be undone.",
                    "confirm-revoke-token",
                    () -> revoke(token));
        }

        private void revoke(InitialAccessTokenView token) {
            try {
                tokens.revoke(teamId, token.id());
                Notification.show("Token revoked.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | TeamNotFoundException e) {
                Notification.show(
                                "The token could not be revoked: it no longer exists for you. Reload the page.",
                                6000,
                                Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        }

        private void refresh() {
            show(tokens.list(teamId));
        }

        private void show(List<InitialAccessTokenView> all) {
            if (grid == null && !all.isEmpty()) {
                grid = createGrid();
                gridSlot.add(grid);
            }
            if (grid != null) {
                grid.setItems(all);
                grid.setVisible(!all.isEmpty());
            }
            empty.setVisible(all.isEmpty());
        }
    }
}
