package org.devportal.credentials.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.devportal.base.InvalidInputException;
import org.devportal.credentials.SecretView;

/** Edits a secret's label; the server's rule decides, and its message shows on the field. */
final class SecretLabelDialog extends Dialog {

    SecretLabelDialog(SecretView secret, Consumer<String> save, Runnable onSaved) {
        setId("secret-label-dialog");
        setHeaderTitle("Label of " + secret.displayHint());
        setWidth("30rem");
        TextField label = RotateSecretDialog.SecretLabelField.create("secret-label");
        label.setValue(secret.label() == null ? "" : secret.label());
        Button confirm = new Button("Save", event -> {
            try {
                save.accept(label.getValue());
                close();
                onSaved.run();
            } catch (InvalidInputException e) {
                label.setErrorMessage(e.getMessage());
                label.setInvalid(true);
            }
        });
        confirm.setId("save-secret-label");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        add(label);
        getFooter().add(new Button("Cancel", event -> close()), confirm);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                label.focus();
            }
        });
    }
}
