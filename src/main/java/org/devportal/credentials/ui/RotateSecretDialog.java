package org.devportal.credentials.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.devportal.base.InvalidInputException;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretLabel;
import org.devportal.security.StepUpRequiredException;

/** Asks how long the current secret stays valid and what to call the new one, then rotates. */
final class RotateSecretDialog extends Dialog {

    RotateSecretDialog(
            BiFunction<GracePeriod, String, ClientSecret> rotate,
            Consumer<ClientSecret> onRotated,
            Consumer<StepUpRequiredException> onStepUpRequired) {
        setId("rotate-secret");
        setHeaderTitle("Rotate the secret");
        setWidth("34rem");
        TextField label = SecretLabelField.create("new-secret-label");
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
            label.setInvalid(false);
            error.setText("");
            try {
                ClientSecret secret = rotate.apply(grace.getValue(), label.getValue());
                close();
                onRotated.accept(secret);
            } catch (InvalidInputException e) {
                if ("label".equals(e.field())) {
                    label.setErrorMessage(e.getMessage());
                    label.setInvalid(true);
                } else {
                    error.setText(e.getMessage());
                }
            } catch (StepUpRequiredException e) {
                close();
                onStepUpRequired.accept(e);
            }
        });
        confirm.setId("confirm-rotation");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("A new secret becomes active at once and is shown to you once."), label, grace, error);
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }

    /** The label field of the rotation and of the label dialog: one definition of its limits. */
    static final class SecretLabelField {
        private SecretLabelField() {}

        static TextField create(String id) {
            TextField label = new TextField("Label (optional)");
            label.setId(id);
            label.setWidthFull();
            label.setMaxLength(SecretLabel.MAX_LENGTH);
            label.setClearButtonVisible(true);
            label.setHelperText("Where the secret is used, such as \"CI\" or \"prod cluster A\". Up to "
                    + SecretLabel.MAX_LENGTH + " characters.");
            return label;
        }
    }
}
