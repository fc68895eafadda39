package org.devportal.credentials.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import org.devportal.base.Times;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientType;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.RevokeSuggestion;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.credentials.SecretStatus;
import org.devportal.credentials.SecretView;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.security.StepUpRequiredException;
import org.devportal.security.ui.StepUpPrompt;

/** The client page's credentials: the client ID and, for confidential clients, the secrets and their rotation. */
@org.springframework.stereotype.Component
class CredentialsSection implements ClientPageSection {

    private final CredentialService credentials;
    private final StepUp stepUp;

    CredentialsSection(CredentialService credentials, StepUp stepUp) {
        this.credentials = credentials;
        this.stepUp = stepUp;
    }

    @Override
    public String slug() {
        return "credentials";
    }

    @Override
    public String label() {
        return "Credentials";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        return new Section(client);
    }

    /** The secret issued when the user registered the client is offered once, first, on whichever section opens. */
    @Override
    public void pageOpened(ClientDetails client, ClientPage page) {
        if (client.clientType() == ClientType.CONFIDENTIAL) {
            credentials
                    .takeRevealAfterRegistration(client.id())
                    .ifPresent(secret -> new RevealSecretDialog(secret, () -> {}).open());
        }
    }

    private final class Section extends Div {

        Section(ClientDetails client) {
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
            } else {
                Paragraph help = new Paragraph("Secrets are shown once, when they are created. Rotate with a grace "
                        + "period to switch without downtime; the last-used time tells you when the old one is no "
                        + "longer in use.");
                help.addClassName("portal-muted");
                Secrets sandbox = new Secrets(client, SecretEnvironment.SANDBOX);
                add(help, sandbox);
            }
            if (client.approvedForProduction()) {
                H3 production = new H3("Production");
                Paragraph productionId = new Paragraph("Production client ID: ");
                Span value = new Span(client.productionClientId().toString());
                value.setId("production-client-id");
                value.addClassName("portal-reference");
                productionId.add(value);
                add(production, productionId);
                if (client.clientType() == ClientType.CONFIDENTIAL) {
                    add(new Secrets(client, SecretEnvironment.PRODUCTION));
                }
            }
        }
    }

    /** One environment's secrets: the list with each one's use, labels, rotation and early revocation. */
    private final class Secrets extends Div {

        private final ClientDetails client;
        private final SecretEnvironment environment;
        private final Grid<SecretView> grid = new Grid<>();
        private final Div suggestion = new Div();
        private final Button rotate = new Button("Rotate secret", VaadinIcon.REFRESH.create());
        private final Button first = new Button("Reveal the production secret", VaadinIcon.KEY.create());

        Secrets(ClientDetails client, SecretEnvironment environment) {
            this.client = client;
            this.environment = environment;
            String prefix = environment == SecretEnvironment.SANDBOX ? "" : "production-";
            grid.setId(prefix + "secrets");
            grid.setAllRowsVisible(true);
            grid.addColumn(SecretView::displayHint).setHeader("Secret").setAutoWidth(true);
            grid.addComponentColumn(this::labelCell)
                    .setHeader("Label")
                    .setKey("label")
                    .setAutoWidth(true);
            grid.addColumn(secret -> label(secret.status())).setHeader("Status").setAutoWidth(true);
            grid.addColumn(secret -> Times.DATE_TIME.format(secret.createdAt()) + " by " + secret.createdBy())
                    .setHeader("Created")
                    .setAutoWidth(true);
            grid.addColumn(secret -> secret.revokedAt() != null
                            ? "Revoked " + Times.DATE_TIME.format(secret.revokedAt())
                            : secret.expiresAt() == null
                                    ? "Does not expire"
                                    : Times.DATE_TIME.format(secret.expiresAt()))
                    .setHeader("Expires")
                    .setAutoWidth(true);
            grid.addColumn(secret ->
                            secret.lastUsedAt() == null ? "Never" : Times.DATE_TIME.format(secret.lastUsedAt()))
                    .setHeader("Last used")
                    .setKey("last-used")
                    .setAutoWidth(true);
            grid.addColumn(secret ->
                            secret.usage().lastDay() + " / " + secret.usage().lastWeek())
                    .setHeader("Uses, 24 h / 7 d")
                    .setKey("uses")
                    .setTooltipGenerator(secret -> "Token requests authenticated with this secret, counted by "
                            + "whole clock hours: the 24 hours may include up to one more hour.")
                    .setAutoWidth(true);
            grid.addComponentColumn(this::revokeButton).setKey("revoke");
            grid.setEmptyStateText(
                    environment == SecretEnvironment.SANDBOX
                            ? "No secret yet. Generate one to authenticate at the token endpoint."
                            : "No production secret yet. Reveal it once, store it in your secret manager, and keep it out of "
                                    + "source code.");
            suggestion.setId(prefix + "revoke-suggestion");
            suggestion.addClassName("portal-callout");
            suggestion.getElement().setAttribute("role", "status");
            rotate.setId(prefix + "rotate-secret-button");
            rotate.addClickListener(event -> {
                RotateSecretDialog dialog = new RotateSecretDialog(
                        (grace, label) -> credentials.rotate(client.id(), environment, grace, label),
                        secret -> new RevealSecretDialog(secret, this::refresh).open(),
                        required -> StepUpPrompt.open(required, stepUp));
                if (environment == SecretEnvironment.PRODUCTION) {
                    StepUpPrompt.ifFresh(stepUp, StepUpAction.ROTATE_PRODUCTION_SECRET, dialog::open);
                } else {
                    dialog.open();
                }
            });
            first.setId("reveal-production-secret");
            first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            first.addClickListener(event -> {
                try {
                    ClientSecret secret = credentials.rotate(client.id(), environment, GracePeriod.NOW);
                    new RevealSecretDialog(secret, this::refresh).open();
                } catch (StepUpRequiredException required) {
                    StepUpPrompt.open(required, stepUp);
                }
            });
            add(suggestion, grid, first, rotate);
            refresh();
        }

        private Component labelCell(SecretView secret) {
            Span text = new Span(secret.label() == null ? "" : secret.label());
            Button edit = new Button(
                    VaadinIcon.EDIT.create(),
                    event -> new SecretLabelDialog(
                                    secret,
                                    label -> credentials.relabel(client.id(), environment, secret.id(), label),
                                    this::refresh)
                            .open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            edit.setAriaLabel("Edit the label of " + secret.displayHint());
            edit.setTooltipText("Edit the label");
            return new Span(text, edit);
        }

        private Component revokeButton(SecretView secret) {
            Button revoke = new Button("Revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(secret.status().isActive());
            revoke.setAriaLabel("Revoke " + secret.displayHint());
            revoke.addClickListener(event -> revoke(secret));
            return revoke;
        }

        private void revoke(SecretView secret) {
            new RevokeSecretFlow(
                            secret,
                            environment == SecretEnvironment.PRODUCTION,
                            (typedName, recentUseConfirmed) -> credentials.revoke(
                                    client.id(), environment, secret.id(), typedName, recentUseConfirmed),
                            this::refresh)
                    .start();
        }

        void refresh() {
            List<SecretView> secrets = credentials.secrets(client.id(), environment);
            grid.setItems(secrets);
            boolean none = secrets.isEmpty();
            first.setVisible(none && environment == SecretEnvironment.PRODUCTION);
            rotate.setVisible(!first.isVisible());
            suggestion.removeAll();
            Optional<RevokeSuggestion> suggested = credentials.revokeSuggestion(client.id(), environment);
            suggestion.setVisible(suggested.isPresent());
            suggested.ifPresent(this::showSuggestion);
        }

        private void showSuggestion(RevokeSuggestion suggested) {
            SecretView old = suggested.old();
            Paragraph text = new Paragraph(
                    "The rotation looks complete: " + suggested.newer().name()
                            + " is in use, and " + old.name()
                            + (old.lastUsedAt() == null
                                    ? " has never been used"
                                    : " has not been used since " + Times.DATE_TIME.format(old.lastUsedAt()))
                            + ". Revoke it, so that a leaked copy stops working.");
            Button revoke = new Button("Revoke " + old.displayHint(), event -> revoke(old));
            revoke.setId(suggestion.getId().orElseThrow() + "-button");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            suggestion.add(text, revoke);
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
