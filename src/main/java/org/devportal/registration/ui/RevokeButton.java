package org.devportal.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * A token grid's "Revoke" button: shown only while the token is active, and revoking only after the user confirmed
 * in a dialog that says what stops working.
 */
final class RevokeButton {

    private RevokeButton() {}

    /**
     * @param active whether the token can still be revoked; otherwise the button is hidden
     * @param what the token as the user knows it, for the button's accessible name and the dialog's title
     * @param consequence what stops, and what keeps working, once it is revoked
     * @param dialogId the confirmation dialog's id
     * @param revoke what to do once the user confirmed
     */
    static Button of(boolean active, String what, String consequence, String dialogId, Runnable revoke) {
        Button button = new Button("Revoke");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        button.setVisible(active);
        button.setAriaLabel("Revoke " + what);
        button.addClickListener(event -> {
            ConfirmDialog confirm =
                    new ConfirmDialog("Revoke " + what + "?", consequence, "Revoke", confirmed -> revoke.run());
            confirm.setId(dialogId);
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return button;
    }
}
