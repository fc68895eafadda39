package org.devportal.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.Optional;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.security.StepUpRequiredException;

/**
 * What a view shows when a service asks for a fresh second factor: a short explanation, then a round through the
 * identity provider that comes back to the same page.
 */
public final class StepUpPrompt {

    private StepUpPrompt() {}

    public static void open(StepUpRequiredException required, StepUp stepUp) {
        open(required, stepUp, () -> {});
    }

    /**
     * As {@link #open(StepUpRequiredException, StepUp)}; {@code beforeLeaving} keeps what the user typed (in the
     * Vaadin session, which the round trip keeps) for the page to restore when it comes back.
     */
    public static void open(StepUpRequiredException required, StepUp stepUp, Runnable beforeLeaving) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("step-up");
        dialog.setHeader("Confirm it is you");
        dialog.setText(required.getMessage() + " You will come back to this page.");
        dialog.setCancelable(true);
        Button proceed = new Button(
                "Continue",
                click -> Optional.ofNullable(UI.getCurrent()).ifPresent(ui -> {
                    String here = ui.getActiveViewLocation().getPathWithQueryParameters();
                    beforeLeaving.run();
                    stepUp.requestReauthentication(required.action());
                    dialog.close();
                    ui.getPage().setLocation("/" + here);
                }));
        proceed.setId("step-up-continue");
        proceed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(proceed);
        dialog.open();
    }

    /**
     * Runs {@code next} (typically: open the action's dialog) when the second factor is fresh, and asks for it first
     * otherwise, so that nobody fills in a dialog only to be sent away. The service checks again on submit.
     */
    public static void ifFresh(StepUp stepUp, StepUpAction action, Runnable next) {
        if (stepUp.isFresh()) {
            next.run();
        } else {
            open(new StepUpRequiredException(action), stepUp);
        }
    }
}
