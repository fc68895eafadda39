package org.devportal.credentials.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import org.devportal.base.InvalidInputException;
import org.devportal.credentials.RecentlyUsedSecretException;
import org.devportal.credentials.SecretView;

/**
 * Revokes a secret after a confirmation, and after a second one when the service reports that a request used the
 * secret in the last hour: that dialog names the use, and only then is the revocation sent as confirmed.
 */
final class RevokeSecretFlow {

    /** The service call: the typed client name (production), and whether the user confirmed a recent use. */
    interface Revocation {
        void revoke(String typedClientName, boolean recentUseConfirmed);
    }

    private final SecretView secret;
    private final boolean production;
    private final Revocation revocation;
    private final Runnable onDone;

    RevokeSecretFlow(SecretView secret, boolean production, Revocation revocation, Runnable onDone) {
        this.secret = secret;
        this.production = production;
        this.revocation = revocation;
        this.onDone = onDone;
    }

    void start() {
        TextField typedName = new TextField("Type the client's name to confirm");
        typedName.setId("confirm-revoke-name");
        typedName.setWidthFull();
        Div text = new Div(new Paragraph(
                production
                        ? "Production servers using this secret can no longer get tokens, at once. If it is the last "
                                + "active one, the integration stops working for every customer."
                        : "Servers using this secret can no longer get tokens, at once. This cannot be undone."));
        if (production) {
            text.add(typedName);
        }
        ConfirmDialog confirm = dialog("confirm-revoke", "Revoke " + secret.name() + "?", "Revoke");
        confirm.setText(text);
        confirm.addConfirmListener(confirmed -> attempt(typedName.getValue(), false));
        confirm.open();
    }

    private void attempt(String typedName, boolean recentUseConfirmed) {
        try {
            revocation.revoke(typedName, recentUseConfirmed);
            Notification.show("Secret revoked.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RecentlyUsedSecretException e) {
            ConfirmDialog again = dialog("confirm-recent-use", secret.name() + " is in use", "Revoke anyway");
            Paragraph use = new Paragraph(e.getMessage());
            use.setId("recent-use");
            again.setText(use);
            again.addConfirmListener(confirmed -> attempt(typedName, true));
            again.addCancelListener(cancelled -> onDone.run());
            again.open();
            return;
        } catch (InvalidInputException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        onDone.run();
    }

    private static ConfirmDialog dialog(String id, String header, String confirmText) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        return dialog;
    }
}
