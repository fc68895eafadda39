package org.devportal.registration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Times;
import org.devportal.registration.RegistrationAccessTokenService;
import org.devportal.registration.RegistrationAccessTokenView;
import org.devportal.teams.TeamNotFoundException;

/**
 * The registration access tokens of the team's clients registered through the API: one per client, with when the
 * current one was issued and last used and when it expires, and a revoke button behind a confirmation.
 */
final class RegistrationAccessTokensList extends Div {

    private final RegistrationAccessTokenService tokens;
    private final UUID teamId;
    // Built when a client has a token to show: most teams register no client through the API.
    private final Div gridSlot = new Div();
    private Grid<RegistrationAccessTokenView> grid;
    private final Paragraph empty = new Paragraph("No clients registered through the API yet.");

    /** @param initial the team's registration access tokens, as the caller has just read them */
    RegistrationAccessTokensList(
            RegistrationAccessTokenService tokens, UUID teamId, List<RegistrationAccessTokenView> initial) {
        this.tokens = tokens;
        this.teamId = teamId;
        setId("registration-access-tokens-section");
        Paragraph intro = new Paragraph("Each client registered through the API has a registration access token, "
                + "with which the automation reads, replaces and deletes that client. Every use returns a new token "
                + "that replaces the old one; a token not used for its lifetime expires.");
        intro.addClassName("portal-muted");
        empty.setId("no-registration-access-tokens");
        add(new H3("Registration access tokens"), intro, empty, gridSlot);
        show(initial);
    }

    private Grid<RegistrationAccessTokenView> createGrid() {
        Grid<RegistrationAccessTokenView> grid = new Grid<>();
        grid.setId("registration-access-tokens");
        grid.setAllRowsVisible(true);
        grid.addColumn(RegistrationAccessTokenView::clientName)
                .setHeader("Client")
                .setKey("client")
                .setAutoWidth(true);
        grid.addColumn(RegistrationAccessTokenView::displayHint)
                .setHeader("Token")
                .setAutoWidth(true);
        grid.addColumn(token -> token.status().label())
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        grid.addColumn(token -> Times.DATE_TIME.format(token.issuedAt()))
                .setHeader("Issued")
                .setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "Never" : Times.DATE_TIME.format(token.lastUsedAt()))
                .setHeader("Last used")
                .setKey("lastUsed")
                .setAutoWidth(true);
        grid.addColumn(token -> token.revokedAt() != null
                        ? "Revoked " + Times.DATE_TIME.format(token.revokedAt()) + " by " + token.revokedBy()
                        : Times.DATE_TIME.format(token.expiresAt()))
                .setHeader("Expires")
                .setKey("expires")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("revoke");
        return grid;
    }

    private Component revokeButton(RegistrationAccessTokenView token) {
        return RevokeButton.of(
                token.status().isActive(),
                "the registration access token of " + token.clientName(),
                "The registration API refuses this token at once, and the one before it. The client keeps "
                        + "working and can still be managed here in the portal. This cannot be undone.",
                "confirm-revoke-registration-access-token",
                () -> revoke(token));
    }

    private void revoke(RegistrationAccessTokenView token) {
        try {
            tokens.revoke(teamId, token.id());
            Notification.show("Registration access token revoked.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TeamNotFoundException e) {
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

    private void show(List<RegistrationAccessTokenView> all) {
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
