package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.function.Consumer;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ConcurrentEditException;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.FlowTests;
import org.devportal.flowtest.StepOutcome;

/** Step 1: picks a registered redirect URI, or adds the portal's own test callback with one click. */
final class RedirectUriStep extends StepCard {

    private final FlowTests flowTests;
    private final ComboBox<String> uri = new ComboBox<>("Redirect URI");
    private final Button addCallback = new Button("Add the portal's test callback", VaadinIcon.PLUS.create());
    private final Consumer<StepOutcome> onChecked;
    private ClientDetails client;
    private StepOutcome lastOutcome;

    RedirectUriStep(FlowTests flowTests, ClientDetails client, Consumer<StepOutcome> onChecked) {
        super(
                FlowStep.REDIRECT_URI,
                "With the portal's callback, " + flowTests.portalCallback() + ", the portal "
                        + "captures the code and moves on by itself. With your own redirect URI, your app receives the code: "
                        + "paste the full URL it was redirected to.");
        this.flowTests = flowTests;
        this.onChecked = onChecked;
        uri.setId("flow-redirect-uri");
        uri.setAllowCustomValue(true);
        uri.setWidth("40rem");
        uri.addCustomValueSetListener(event -> uri.setValue(event.getDetail()));
        // A value the user picks is judged at once; the one the page preselects only once the flow starts with it.
        uri.addValueChangeListener(event -> check(event.isFromClient()));
        addCallback.setId("flow-add-callback");
        addCallback.addClickListener(event -> addPortalCallback());
        Paragraph audit =
                new Paragraph("Adding it changes the client's sandbox redirect URIs, and the client's history "
                        + "records it. Remove it on the Details tab when you no longer need it.");
        audit.addClassName("portal-muted");
        addControls(uri, addCallback, audit);
        show(client);
    }

    String value() {
        return uri.getValue();
    }

    private void show(ClientDetails details) {
        client = details;
        List<String> registered =
                details.redirectUris().stream().map(RedirectUri::value).toList();
        uri.setItems(registered);
        boolean portalCallback = registered.contains(flowTests.portalCallback());
        addCallback.setVisible(!portalCallback);
        uri.setValue(portalCallback ? flowTests.portalCallback() : registered.getFirst());
    }

    /**
     * Checks the chosen URI and enables the next step when it passes. A verdict is shown when the user chose the
     * value, or when the check fails; a preselected URI that passes shows nothing until {@link #markUsed} says the
     * flow started with it, so the step never reads "Passed" before anything ran.
     */
    private void check(boolean chosenByUser) {
        StepOutcome outcome = flowTests.checkRedirectUri(client.id(), uri.getValue());
        lastOutcome = outcome;
        if (chosenByUser || !outcome.passed()) {
            show(outcome);
        } else {
            clear();
        }
        onChecked.accept(outcome);
    }

    /** The user acted on the step (started the flow with the URI, or added the portal's callback): show its verdict. */
    void markUsed() {
        if (lastOutcome != null) {
            show(lastOutcome);
        }
    }

    private void addPortalCallback() {
        try {
            show(flowTests.addPortalCallback(client.id(), client.version()));
            markUsed();
            Notification.show(
                            "Added " + flowTests.portalCallback() + " to the sandbox redirect URIs.",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException | ConcurrentEditException e) {
            showError(e.getMessage());
        }
    }
}
