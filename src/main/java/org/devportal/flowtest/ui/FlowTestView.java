package org.devportal.flowtest.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.communication.PushMode;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.FlowTestStarted;
import org.devportal.flowtest.FlowTests;
import org.devportal.flowtest.StepOutcome;

/**
 * "Test the flow": a stepper that runs a client's authorization code flow against the sandbox issuer. The page turns
 * on server push only while it waits for a callback, so the rest of the portal stays as it is.
 */
@Route("clients/:clientId/flow-test")
@PageTitle("Test the flow")
@RolesAllowed("DEVELOPER")
final class FlowTestView extends Div implements BeforeEnterObserver, AfterNavigationObserver {

    private final FlowTests flowTests;
    private final ClientService clients;
    private final Div steps = new Div();
    private ClientDetails client;
    private UUID runId;
    private RedirectUriStep redirectUri;
    private AuthorizationStep request;
    private WaitingStep waiting;
    private StepCard callback;
    private List<StepCard> later;
    private SummaryStep summary;

    FlowTestView(FlowTests flowTests, ClientService clients) {
        this.flowTests = flowTests;
        this.clients = clients;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            client = clients.get(
                    UUID.fromString(event.getRouteParameters().get("clientId").orElse("")));
        } catch (IllegalArgumentException | ClientNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        Anchor back = new Anchor("clients/" + client.id() + "/flow", "← " + client.name());
        back.setId("flow-back");
        Paragraph intro = new Paragraph("Runs the authorization code flow with PKCE against the sandbox issuer, "
                + flowTests.issuer() + ", as " + client.name() + " ("
                + client.clientType().label() + "). Each step "
                + "shows its HTTP request and response; codes, tokens and secrets are shortened to their first four "
                + "characters and length.");
        intro.addClassName("portal-muted");
        add(back, new H1("Test the flow: " + client.name()), intro, steps);
        build();
    }

    private void build() {
        boolean confidential = client.clientType() == ClientType.CONFIDENTIAL;
        request = new AuthorizationStep(
                String.join(" ", client.scopes().stream().sorted().toList()), this::start);
        redirectUri =
                new RedirectUriStep(flowTests, client, outcome -> request.setActive(outcome.passed() && runId == null));
        waiting = new WaitingStep(
                this::cancel, pasted -> act(waiting, () -> onCallback(flowTests.pasteCallback(runId, pasted))));
        callback = new StepCard(
                FlowStep.CALLBACK,
                "The portal checks that state matches the request and iss names "
                        + "the sandbox issuer, and shows the code, or the error and its likely cause.");
        StepCard apiCall = new ActionStep(
                FlowStep.API_CALL,
                "Calls " + flowTests.issuer() + "/api/v1/introspect, and "
                        + "an endpoint that needs one of the granted scopes.",
                "Call the API",
                false,
                secret -> flowTests.callApi(runId),
                outcome -> activate(FlowStep.REFRESH));
        StepCard refresh = new ActionStep(
                FlowStep.REFRESH,
                "Exchanges the refresh token, then presents the old one "
                        + "again, which the issuer must refuse; that also revokes the authorization.",
                "Refresh",
                confidential,
                secret -> flowTests.refresh(runId, secret),
                outcome -> finish());
        later = List.of(
                new TokenStep(flowTests, confidential, () -> runId, outcome -> activate(FlowStep.API_CALL)),
                apiCall,
                refresh);
        summary = new SummaryStep(this::finish);
        steps.removeAll();
        steps.add(redirectUri, request, waiting, callback);
        later.forEach(steps::add);
        steps.add(summary);
        runId = null;
        redirectUri.setActive(true);
        request.setActive(
                flowTests.checkRedirectUri(client.id(), redirectUri.value()).passed());
    }

    private FlowTestStarted start(String scopes) {
        UI ui = UI.getCurrent();
        FlowTestStarted started = flowTests.start(client.id(), redirectUri.value(), scopes, outcome -> {
            try {
                ui.access(() -> onCallback(outcome));
            } catch (UIDetachedException e) {
                // The stepper's tab was closed; the run is stored and the callback page still answers.
            }
        });
        runId = started.runId();
        redirectUri.markUsed();
        redirectUri.setActive(false);
        request.setActive(false);
        waiting.startWaiting();
        summary.setActive(true);
        listen(ui, true);
        return started;
    }

    private void cancel() {
        act(waiting, () -> flowTests.cancel(runId));
        listen(UI.getCurrent(), false);
        build();
    }

    private void onCallback(StepOutcome outcome) {
        callback.show(outcome);
        if (outcome.passed()) {
            listen(UI.getCurrent(), false);
            waiting.callbackArrived();
            activate(FlowStep.TOKEN_EXCHANGE);
        } else {
            waiting.callbackFailed();
        }
    }

    private void activate(FlowStep step) {
        later.forEach(card -> card.setActive(card.step() == step));
    }

    private void finish() {
        act(summary, () -> {
            summary.show(flowTests.finish(runId));
            later.forEach(card -> card.setActive(false));
            waiting.stopWaiting("");
            waiting.setActive(false);
            listen(UI.getCurrent(), false);
        });
    }

    private static void act(StepCard card, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            card.showError(e.getMessage());
        }
    }

    /** Push while waiting for the callback; polling as well, for networks where push cannot connect. */
    private static void listen(UI ui, boolean on) {
        try {
            ui.getPushConfiguration().setPushMode(on ? PushMode.AUTOMATIC : PushMode.DISABLED);
        } catch (IllegalStateException e) {
            // Push is unavailable on this server; polling alone carries the callback.
        }
        ui.setPollInterval(on ? 2000 : -1);
    }

    /**
     * The steps announce their results to screen readers. A page that is closed leaves its run to expire: a closed
     * tab is noticed without a signed-in user, who the service needs for every change.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        steps.getElement().setAttribute("aria-live", "polite");
    }

    /**
     * Opens at the top. The shell's content area keeps its scroll position across navigation, so a link from the
     * bottom of the long client page would otherwise open the stepper half-way down, past its first steps.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // Up through the slots too: the app layout's scrolling area is in its shadow tree, not a DOM ancestor.
        getElement().executeJs("""
                const toTop = () => {
                    for (let node = this; node; node = node.assignedSlot || node.parentNode || node.host) {
                        if (node.scrollTop) node.scrollTop = 0;
                    }
                    window.scrollTo(0, 0);
                };
                toTop();
                requestAnimationFrame(toTop);""");
    }
}
