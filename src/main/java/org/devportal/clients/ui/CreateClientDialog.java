package org.devportal.clients.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientName;
import org.devportal.clients.ClientRules;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.ScopeDefinition;
import org.devportal.clients.redirecturi.RedirectUriVerdict;
import org.devportal.clients.redirecturi.RedirectUriViolation;

/**
 * The create wizard: what are you building, its name, the first redirect URI, the application's home page and its
 * scopes, which is what the rules require of every client. The rest is edited on the client page. Each step checks
 * its answer with the same rules the service applies.
 */
final class CreateClientDialog extends Dialog {

    /** What a developer may be building, and the client type each needs. */
    enum Kind {
        WEB_APP(
                "Server-side web application",
                "Your servers talk to the API and can keep a secret.",
                ClientType.CONFIDENTIAL),
        SPA(
                "Single-page application",
                "JavaScript in the browser; it cannot keep a secret, so it uses PKCE alone.",
                ClientType.PUBLIC),
        NATIVE(
                "Mobile or desktop application",
                "Installed on users' devices; it cannot keep a secret, so it uses PKCE alone.",
                ClientType.PUBLIC);

        final String label;
        final String description;
        final ClientType type;

        Kind(String label, String description, ClientType type) {
            this.label = label;
            this.description = description;
            this.type = type;
        }
    }

    private static final int STEPS = 5;

    private final ClientService clients;
    private final ClientRules rules;
    private final UUID teamId;
    private final Consumer<ClientDetails> onCreated;
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>("What are you building?");
    private final TextField name = new TextField(ClientField.NAME.label());
    private final TextField redirectUri = new TextField("First redirect URI");
    private final TextField clientUri = new TextField(ClientField.CLIENT_URI.label());
    private final ScopePicker scopes;
    private final Span redirectWarning = new Span();
    private final Div step = new Div();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Paragraph stepLabel = new Paragraph();
    private int current;

    CreateClientDialog(
            ClientService clients,
            ClientRules rules,
            List<ScopeDefinition> catalogue,
            UUID teamId,
            Consumer<ClientDetails> onCreated) {
        this.clients = clients;
        this.scopes = new ScopePicker(catalogue);
        this.rules = rules;
        this.teamId = teamId;
        this.onCreated = onCreated;
        setHeaderTitle("Register a client");
        setWidth("36rem");
        // A fixed height keeps Next where it is while a step's content changes under the pointer: the redirect URI's
        // production warning arrives a moment after typing stops and would otherwise push the footer down just as the
        // user clicks, so the click landed beside the button and was lost. Longer steps scroll between header and
        // footer instead.
        setHeight("34rem");
        setCloseOnOutsideClick(false);
        kind.setId("wizard-kind");
        kind.setItems(Kind.values());
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(option -> {
            Div label = new Div(new Span(option.label));
            Span description = new Span(option.description);
            description.addClassName("portal-muted");
            label.add(new Div(description));
            return label;
        }));
        name.setId("wizard-name");
        name.setWidthFull();
        name.setMaxLength(ClientName.MAX_LENGTH);
        name.setHelperText(rules.nameHint());
        redirectUri.setId("wizard-redirect-uri");
        redirectUri.setWidthFull();
        redirectUri.setPlaceholder("https://app.example.com/oauth/callback");
        redirectUri.setValueChangeMode(ValueChangeMode.LAZY);
        redirectUri.addValueChangeListener(event -> checkRedirectUri());
        clientUri.setId("wizard-client-uri");
        clientUri.setWidthFull();
        clientUri.setPlaceholder("https://app.example.com");
        clientUri.setHelperText("Your application's home page: users can follow it from the consent screen.");
        scopes.setId("wizard-scopes");
        scopes.setHelperText("What your integration may ask users for; pick at least one. You can change them later.");
        redirectWarning.setId("wizard-redirect-warning");
        redirectWarning
                .getStyle()
                .set("color", "var(--lumo-warning-text-color, #8a6100)")
                .set("font-size", "var(--lumo-font-size-s)");
        stepLabel.addClassName("portal-muted");
        back.addClickListener(event -> show(current - 1));
        back.setId("wizard-back");
        next.setId("wizard-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(event -> advance());
        next.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", event -> close());
        add(stepLabel, step);
        getFooter().add(cancel, back, next);
        show(0);
    }

    private void show(int index) {
        current = index;
        step.removeAll();
        stepLabel.setText("Step " + (index + 1) + " of " + STEPS);
        back.setEnabled(index > 0);
        next.setText(index == STEPS - 1 ? "Register client" : "Next");
        switch (index) {
            case 0 -> step.add(kind);
            case 1 -> {
                step.add(name);
                name.focus();
            }
            case 3 -> {
                step.add(clientUri);
                clientUri.focus();
            }
            case 4 -> step.add(scopes);
            default -> {
                Paragraph hint = new Paragraph(
                        kind.getValue() == Kind.NATIVE
                                ? "Where your app receives the authorization response. For desktop apps use a loopback "
                                        + "address such as http://127.0.0.1/callback (any port works there); for mobile apps an "
                                        + "https link your app handles."
                                : "Where users land after they consent, with the authorization code. It must match exactly; "
                                        + "http works only for localhost, in the sandbox.");
                hint.addClassName("portal-muted");
                step.add(hint, redirectUri, redirectWarning);
                redirectUri.focus();
            }
        }
    }

    private void advance() {
        switch (current) {
            case 0 -> {
                if (kind.getValue() == null) {
                    kind.setErrorMessage("Choose what you are building");
                    kind.setInvalid(true);
                    return;
                }
                kind.setInvalid(false);
                show(1);
            }
            case 1 -> {
                try {
                    rules.name(name.getValue());
                    name.setInvalid(false);
                    show(2);
                } catch (InvalidInputException e) {
                    name.setErrorMessage(e.getMessage());
                    name.setInvalid(true);
                }
            }
            case 2 -> {
                if (checkRedirectUri()) {
                    show(3);
                }
            }
            case 3 -> {
                try {
                    rules.requiredWebUri(ClientField.CLIENT_URI, clientUri.getValue(), Environment.SANDBOX);
                    clientUri.setInvalid(false);
                    show(4);
                } catch (InvalidInputException e) {
                    clientUri.setErrorMessage(e.getMessage());
                    clientUri.setInvalid(true);
                }
            }
            default -> create();
        }
    }

    private boolean checkRedirectUri() {
        redirectWarning.setText("");
        RedirectUriVerdict verdict = rules.redirectUriVerdict(redirectUri.getValue(), Environment.SANDBOX);
        if (verdict.error().isPresent()) {
            redirectUri.setErrorMessage(verdict.error().get().message());
            redirectUri.setInvalid(true);
            return false;
        }
        redirectUri.setInvalid(false);
        redirectWarning.setText(String.join(
                " ",
                verdict.productionWarnings().stream()
                        .map(RedirectUriViolation::message)
                        .toList()));
        return true;
    }

    private void create() {
        try {
            ClientDetails created = clients.register(
                    teamId,
                    kind.getValue().type,
                    name.getValue(),
                    redirectUri.getValue(),
                    clientUri.getValue(),
                    scopes.getValue());
            close();
            onCreated.accept(created);
        } catch (InvalidInputException e) {
            // Back to the step whose answer the service refused, with its message on the field.
            if (ClientField.NAME.id().equals(e.field())) {
                show(1);
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            } else if (ClientField.REDIRECT_URIS.id().equals(e.field())) {
                show(2);
                redirectUri.setErrorMessage(e.getMessage());
                redirectUri.setInvalid(true);
            } else if (ClientField.CLIENT_URI.id().equals(e.field())) {
                show(3);
                clientUri.setErrorMessage(e.getMessage());
                clientUri.setInvalid(true);
            } else {
                scopes.setErrorMessage(e.getMessage());
                scopes.setInvalid(true);
            }
        }
    }
}
