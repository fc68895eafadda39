package org.devportal.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.PasskeyService;
import org.devportal.security.idp.SecondFactorStep;

/**
 * The second step of signing in to the identity provider: confirm with a passkey, or with a recovery code when
 * the passkey is out of reach. The sign-in continues to the portal only after one of them.
 */
@Route(value = "idp/passkey", autoLayout = false)
@PageTitle("Confirm it is you")
@AnonymousAllowed
final class PasskeyConfirmView extends Div implements BeforeEnterObserver {

    private final AuthCard card = new AuthCard("Confirm it is you");

    static final String FAILED = "Your passkey was not accepted. Try again, or use a recovery code.";

    private final PasskeyService passkeys;
    private final Paragraph error = new Paragraph();

    PasskeyConfirmView(PasskeyService passkeys) {
        add(card);
        this.passkeys = passkeys;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<SecondFactorStep> current = PasskeyCeremony.currentStep(passkeys, card);
        if (current.isEmpty()) {
            return;
        }
        SecondFactorStep step = current.get();
        if (!step.hasPasskey()) {
            event.forwardTo(PasskeyRegisterView.class);
            return;
        }
        error.setId("passkey-error");
        error.addClassName("portal-error");
        error.setVisible(false);
        Button confirm = new Button("Use your passkey", click -> confirm());
        confirm.setId("use-passkey");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField code = new TextField("Recovery code");
        code.setId("recovery-code");
        code.setPlaceholder("XXXX-XXXX-XXXX-XXXX");
        code.setHelperText(step.recoveryCodesLeft() + " unused recovery codes. Each works once.");
        Button useCode = new Button("Use recovery code", click -> useRecoveryCode(code));
        useCode.setId("use-recovery-code");
        card.replaceBody(
                "Confirm it is you",
                new Paragraph("Confirm with your passkey or security key to continue."),
                confirm,
                error,
                new H2("Passkey not at hand?"),
                code,
                useCode);
        confirm.focus();
    }

    private void confirm() {
        error.setVisible(false);
        PasskeyCeremony.confirm(this, url -> UI.getCurrent().getPage().setLocation(url), failure -> {
            error.setText(FAILED);
            error.setVisible(true);
        });
    }

    private void useRecoveryCode(TextField code) {
        long left;
        try {
            left = passkeys.useRecoveryCode(code.getValue());
        } catch (InvalidInputException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
            return;
        }
        Paragraph remaining = new Paragraph("Recovery code accepted. You have " + left
                + (left == 1 ? " recovery code" : " recovery codes") + " left."
                + (left <= 3 ? " Generate new ones on your passkeys page soon." : ""));
        remaining.setId("recovery-codes-left");
        Button next = new Button("Continue", click -> UI.getCurrent().getPage().setLocation(passkeys.continueUrl()));
        next.setId("continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.replaceBody("Signed in with a recovery code", remaining, next);
        next.focus();
    }
}
