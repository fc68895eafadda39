package org.devportal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.devportal.security.idp.PasskeyService;
import org.devportal.security.idp.SecondFactorStep;

/**
 * Registering a passkey during sign-in: the only page a reviewer or administrator without one can reach, and where
 * anyone asked for a second factor without having one gets it. The first passkey brings recovery codes, shown
 * here once.
 */
@Route(value = "idp/passkey/register", autoLayout = false)
@PageTitle("Add a passkey")
@AnonymousAllowed
final class PasskeyRegisterView extends Div implements BeforeEnterObserver {

    private final AuthCard card = new AuthCard("Add a passkey");

    private final PasskeyService passkeys;

    PasskeyRegisterView(PasskeyService passkeys) {
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
        TextField name = new TextField("Name of the passkey");
        name.setId("passkey-name");
        name.setValue("My passkey");
        name.setMaxLength(100);
        name.setRequired(true);
        Paragraph error = new Paragraph();
        error.setId("passkey-error");
        error.addClassName("portal-error");
        error.setVisible(false);
        Button create = new Button("Create passkey");
        create.setId("create-passkey");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Give the passkey a name, such as the device it is on.");
                name.setInvalid(true);
                return;
            }
            name.setInvalid(false);
            error.setVisible(false);
            PasskeyCeremony.register(this, name.getValue().strip(), this::registered, failure -> {
                error.setText("The passkey was not created. Try again; your browser or device may ask you to "
                        + "choose where to keep it.");
                error.setVisible(true);
            });
        });
        card.replaceBody(
                "Add a passkey",
                new Paragraph(
                        step.passkeyRequired()
                                ? "Reviewers and administrators confirm every sign-in with a passkey. Add one to continue."
                                : "This action needs a second factor. Add a passkey to continue."),
                name,
                create,
                error);
    }

    private void registered() {
        Optional<List<String>> codes = passkeys.passkeyAdded();
        if (codes.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(PasskeyConfirmView.class));
            return;
        }
        Button saved = new Button(
                "I have saved my recovery codes",
                click -> getUI().ifPresent(ui -> ui.navigate(PasskeyConfirmView.class)));
        saved.setId("codes-saved");
        saved.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.replaceBody(
                "Save your recovery codes",
                new Paragraph("Your passkey is ready. If you lose it, each of these codes signs you in once instead. "
                        + "Keep them somewhere safe: they are shown only now."),
                new RecoveryCodeList(codes.get()),
                new Paragraph("Next, confirm with your new passkey."),
                saved);
        saved.focus();
    }
}
