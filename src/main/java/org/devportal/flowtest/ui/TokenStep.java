package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.FlowTests;
import org.devportal.flowtest.StepOutcome;
import org.devportal.flowtest.TokenExchange;

/** Step 5: the code for tokens, and the same request as curl with placeholders for the secret and the code. */
final class TokenStep extends ActionStep {

    private final AtomicReference<String> curl;

    TokenStep(FlowTests flowTests, boolean confidential, Supplier<UUID> runId, Consumer<StepOutcome> onDone) {
        AtomicReference<String> lastCurl = new AtomicReference<>();
        super(
                FlowStep.TOKEN_EXCHANGE,
                confidential
                        ? "Exchanges the code with client_secret_basic and the PKCE verifier. Paste a sandbox secret of the client."
                        : "A public client has no secret: it sends its client ID, and the PKCE verifier proves the code is its own.",
                "Exchange the code",
                confidential,
                secret -> {
                    TokenExchange exchange = flowTests.exchangeCode(runId.get(), secret);
                    lastCurl.set(exchange.curl());
                    return exchange.outcome();
                },
                outcome -> {
                    if (outcome.passed()) {
                        onDone.accept(outcome);
                    }
                });
        this.curl = lastCurl;
    }

    @Override
    protected void shown(StepOutcome outcome) {
        Pre command = new Pre(curl.get());
        command.setId("flow-curl");
        command.addClassName("portal-flow-http");
        Button copy = new Button(
                "Copy as curl",
                VaadinIcon.COPY.create(),
                event -> event.getSource()
                        .getElement()
                        .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", curl.get()));
        copy.setId("flow-copy-curl");
        addResult(new Div(
                new Span("The same request as curl; set $CLIENT_SECRET and a fresh $CODE first:"), command, copy));
    }
}
