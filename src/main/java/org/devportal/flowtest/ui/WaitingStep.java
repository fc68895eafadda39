package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.devportal.flowtest.FlowStep;

/**
 * Step 3: sign-in and consent happen on the sandbox issuer in another tab. The step waits with a spinner until the
 * portal's callback arrives, or until the developer pastes the URL their own app was redirected to.
 */
final class WaitingStep extends StepCard {

    private final ProgressBar spinner = new ProgressBar();
    private final Span status = new Span();
    private final TextField pasted = new TextField("Or paste the URL your app was redirected to");

    WaitingStep(Runnable cancel, Consumer<String> paste) {
        super(
                FlowStep.SIGN_IN,
                "Sign in at the sandbox issuer and allow access in the new tab. Only members of the "
                        + "client's team can consent.");
        spinner.setIndeterminate(true);
        spinner.setWidth("12rem");
        spinner.setId("flow-waiting");
        status.setId("flow-waiting-text");
        Button stop = new Button("Cancel", event -> cancel.run());
        stop.setId("flow-cancel");
        pasted.setId("flow-callback-url");
        pasted.setPlaceholder("https://your-app.example.com/callback?code=…&state=…&iss=…");
        pasted.setWidth("40rem");
        Button check = new Button("Check this URL", event -> {
            String value = pasted.getValue();
            pasted.clear();
            paste.accept(value);
        });
        check.setId("flow-check-callback");
        addControls(new HorizontalLayout(spinner, status, stop), pasted, check);
        stopWaiting("");
    }

    void startWaiting() {
        spinner.setVisible(true);
        status.setText("Waiting for the callback…");
        setWaiting();
        setActive(true);
    }

    void stopWaiting(String text) {
        spinner.setVisible(false);
        status.setText(text);
    }

    /** The callback arrived and passed its checks: the sign-in step is over. */
    void callbackArrived() {
        stopWaiting("The callback arrived.");
        showVerdict("Callback received", "success");
        setActive(false);
    }

    /** A callback arrived but failed its checks (step 4 says why); another may still come, or be pasted. */
    void callbackFailed() {
        status.setText("A callback arrived but failed the checks in step 4. Try again, paste another URL, or cancel.");
    }
}
