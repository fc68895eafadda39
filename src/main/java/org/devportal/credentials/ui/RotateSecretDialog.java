package org.devportal.credentials.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.function.Function;
import org.devportal.base.InvalidInputException;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.GracePeriod;
import org.devportal.security.StepUpRequiredException;

/** Asks how long the current secret stays valid, then rotates. */
final class RotateSecretDialog extends Dialog {

    RotateSecretDialog(
            Function<GracePeriod, ClientSecret> rotate,
            java.util.function.Consumer<ClientSecret> onRotated,
            java.util.function.Consumer<StepUpRequiredException> onStepUpRequired) {
        setId("rotate-secret");
        setHeaderTitle("Rotate the secret");
        setWidth("34rem");
        RadioButtonGroup<GracePeriod> grace = new RadioButtonGroup<>("Keep the current secret valid for");
        grace.setId("grace-period");
        grace.setItems(GracePeriod.values());
        grace.setItemLabelGenerator(GracePeriod::label);
        grace.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        grace.setValue(GracePeriod.TWENTY_FOUR_HOURS);
        grace.setHelperText("Both secrets work until then, so you can deploy the new one without downtime. Choose "
                + "\"Revoke now\" if the current secret has leaked.");
        Paragraph error = new Paragraph();
        error.setId("rotation-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button("Rotate", event -> {
            try {
                ClientSecret secret = rotate.apply(grace.getValue());
                close();
                onRotated.accept(secret);
            } catch (InvalidInputException e) {
                error.setText(e.getMessage());
            } catch (StepUpRequiredException e) {
                close();
                onStepUpRequired.accept(e);
            }
        });
        confirm.setId("confirm-rotation");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("A new secret becomes active at once and is shown to you once."), grace, error);
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }
}
