package org.devportal.credentials.ui;

import org.devportal.base.Times;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientType;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretStatus;
import org.devportal.credentials.SecretView;

/** The client page's credentials: the client ID and, for confidential clients, the secrets and their rotation. */
@org.springframework.stereotype.Component
class CredentialsSection implements ClientPageSection {

    private final CredentialService credentials;

    CredentialsSection(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(ClientDetails client, Runnable onClientChanged) {
        return new Section(client);
    }

    private final class Section extends Div {

        private final ClientDetails client;
        private final Grid<SecretView> grid = new Grid<>();

        Section(ClientDetails client) {
            this.client = client;
            setId("credentials");
            Paragraph clientId = new Paragraph("Sandbox client ID: ");
            Span id = new Span(client.sandboxClientId().toString());
            id.setId("sandbox-client-id");
            id.addClassName("portal-reference");
            clientId.add(id);
            add(new H2("Credentials"), clientId);
            if (client.clientType() != ClientType.CONFIDENTIAL) {
                Paragraph none = new Paragraph("Public clients have no secret: they prove each authorization with "
                        + "PKCE (S256). The client ID is safe to ship in your app.");
                none.addClassName("portal-muted");
                add(none);
                return;
            }
            grid.setId("secrets");
            grid.setAllRowsVisible(true);
            grid.addColumn(SecretView::displayHint).setHeader("Secret").setAutoWidth(true);
            grid.addColumn(secret -> label(secret.status())).setHeader("Status").setAutoWidth(true);
            grid.addColumn(secret -> Times.DATE_TIME.format(secret.createdAt()) + " by " + secret.createdBy()).setHeader("Created")
                    .setAutoWidth(true);
            grid.addColumn(secret -> secret.revokedAt() != null ? "Revoked " + Times.DATE_TIME.format(secret.revokedAt())
                    : secret.expiresAt() == null ? "Does not expire" : Times.DATE_TIME.format(secret.expiresAt()))
                    .setHeader("Expires").setAutoWidth(true);
            grid.addColumn(secret -> secret.lastUsedAt() == null ? "Never" : Times.DATE_TIME.format(secret.lastUsedAt()))
                    .setHeader("Last used").setAutoWidth(true);
            grid.addComponentColumn(this::revokeButton).setKey("revoke");
            grid.setEmptyStateText("No secret yet. Generate one to authenticate at the token endpoint.");
            Button rotate = new Button("Rotate secret", VaadinIcon.REFRESH.create(), event ->
                    new RotateSecretDialog(grace -> credentials.rotate(client.id(), SecretEnvironment.SANDBOX, grace),
                            secret -> new RevealSecretDialog(secret, this::refresh).open()).open());
            rotate.setId("rotate-secret-button");
            Paragraph help = new Paragraph("Secrets are shown once, when they are created. Rotate with a grace period "
                    + "to switch without downtime; the last-used time tells you when the old one is no longer in use.");
            help.addClassName("portal-muted");
            add(help, grid, rotate);
            refresh();
            addAttachListener(event -> credentials.takeRevealAfterRegistration(client.id())
                    .ifPresent(secret -> new RevealSecretDialog(secret, this::refresh).open()));
        }

        private Component revokeButton(SecretView secret) {
            Button revoke = new Button("Revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(secret.status().isActive());
            revoke.setAriaLabel("Revoke " + secret.displayHint());
            revoke.addClickListener(event -> {
                ConfirmDialog confirm = new ConfirmDialog("Revoke " + secret.displayHint() + "?",
                        "Servers using this secret can no longer get tokens, at once. This cannot be undone.", "Revoke",
                        confirmed -> {
                            try {
                                credentials.revoke(client.id(), SecretEnvironment.SANDBOX, secret.id(), null);
                                Notification.show("Secret revoked.", 3000, Notification.Position.BOTTOM_START)
                                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            } catch (InvalidInputException e) {
                                Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER)
                                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                            }
                            refresh();
                        });
                confirm.setId("confirm-revoke");
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            return revoke;
        }

        private void refresh() {
            grid.setItems(credentials.secrets(client.id(), SecretEnvironment.SANDBOX));
        }

        private String label(SecretStatus status) {
            return switch (status) {
                case ACTIVE -> "Active";
                case GRACE -> "Active until it expires";
                case EXPIRED -> "Expired";
                case REVOKED -> "Revoked";
            };
        }
    }
}
