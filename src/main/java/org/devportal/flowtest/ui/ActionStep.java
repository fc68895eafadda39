package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;
import java.util.function.Function;
import org.devportal.base.InvalidInputException;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.StepOutcome;

/**
 * A step that is one request to the issuer: a button, and for a confidential client a password field for the
 * secret. The secret goes into that one request; the field is emptied before the answer is shown, whatever it is.
 */
class ActionStep extends StepCard {

    private final PasswordField secret = new PasswordField("Client secret");
    private final Button run;

    ActionStep(
            FlowStep step,
            String explanation,
            String action,
            boolean needsSecret,
            Function<String, StepOutcome> request,
            Consumer<StepOutcome> onDone) {
        super(step, explanation);
        String id = idOf(step);
        secret.setId(id + "-secret");
        secret.setHelperText("Used for this request only: never stored or logged");
        secret.setWidth("32rem");
        secret.setRevealButtonVisible(false);
        secret.setVisible(needsSecret);
        secret.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        run = new Button(action, event -> {
            String value = secret.getValue();
            secret.clear();
            clear();
            try {
                StepOutcome outcome = request.apply(value);
                show(outcome);
                shown(outcome);
                onDone.accept(outcome);
            } catch (InvalidInputException e) {
                showError(e.getMessage());
            }
        });
        run.setId(id + "-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setDisableOnClick(true);
        run.addClickListener(event -> run.setEnabled(true));
        addControls(secret, run);
    }

    /** Adds to what the step shows after each attempt. */
    protected void shown(StepOutcome outcome) {}
}
