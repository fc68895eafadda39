package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;
import org.devportal.base.InvalidInputException;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.FlowTestStarted;

/**
 * Step 2: the scopes to request, then the generated {@code state}, PKCE verifier and challenge, and the
 * authorization URL to copy or open in a new tab.
 */
final class AuthorizationStep extends StepCard {

    private final TextField scopes = new TextField("Scopes");
    private final Div values = new Div();

    AuthorizationStep(String registeredScopes, Function<String, FlowTestStarted> start) {
        super(
                FlowStep.AUTHORIZATION_REQUEST,
                "The portal generates a state and a PKCE verifier with its S256 "
                        + "challenge, and builds the authorization request. Request any of the client's registered scopes.");
        scopes.setId("flow-scopes");
        scopes.setValue(registeredScopes);
        scopes.setWidth("40rem");
        scopes.setHelperText("Space-separated; registered: " + registeredScopes);
        Button build = new Button("Build the authorization request", event -> {
            clear();
            scopes.setInvalid(false);
            try {
                FlowTestStarted started = start.apply(scopes.getValue());
                show(started.request());
                addResult(values);
                showValues(started);
            } catch (InvalidInputException e) {
                scopes.setErrorMessage(e.getMessage());
                scopes.setInvalid(true);
                showError(e.getMessage());
            }
        });
        build.setId("flow-start");
        build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addControls(scopes, build);
        addResult(values);
    }

    private void showValues(FlowTestStarted started) {
        values.removeAll();
        values.add(
                readOnly("state", "flow-state", started.state()),
                readOnly(
                        "code_verifier (keep it secret: it proves the code is yours)",
                        "flow-verifier",
                        started.pkce().verifier()),
                readOnly(
                        "code_challenge (S256)",
                        "flow-challenge",
                        started.pkce().challenge()));
        TextArea url = new TextArea("Authorization URL");
        url.setId("flow-authorization-url");
        url.setValue(started.authorizationUrl());
        url.setReadOnly(true);
        url.setWidthFull();
        Button copy = new Button(
                "Copy as URL",
                VaadinIcon.COPY.create(),
                event -> event.getSource()
                        .getElement()
                        .executeJs(
                                "navigator.clipboard && navigator.clipboard.writeText($0)",
                                started.authorizationUrl()));
        copy.setId("flow-copy-url");
        Anchor open = new Anchor(started.authorizationUrl(), "Open in a new tab", AnchorTarget.BLANK);
        open.setId("flow-open");
        open.setRouterIgnore(true);
        open.getElement().setAttribute("rel", "noopener");
        open.getElement().setAttribute("theme", "primary");
        open.addClassName("portal-flow-open");
        values.add(url, new HorizontalLayout(copy, open));
    }

    private static TextField readOnly(String label, String id, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidth("40rem");
        return field;
    }
}
