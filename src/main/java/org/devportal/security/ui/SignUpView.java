package org.devportal.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.AccountService;

/** Sign-up for developers. The account can sign in once the e-mailed link has verified the address. */
@Route(value = "idp/signup", autoLayout = false)
@PageTitle("Create an account")
@AnonymousAllowed
final class SignUpView extends Div {

    private final AccountService accounts;
    private final AuthCard card = new AuthCard("Create an account");
    private final TextField name = new TextField("Your name");
    private final EmailField email = new EmailField("E-mail address");
    private final PasswordField password = new PasswordField("Password");

    SignUpView(AccountService accounts) {
        this.accounts = accounts;
        name.setId("name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        email.setId("email");
        email.setRequiredIndicatorVisible(true);
        email.setHelperText("We send a link to verify it. Your team mates invite you by this address.");
        password.setId("password");
        password.setRequiredIndicatorVisible(true);
        password.setHelperText("At least 12 characters. A few random words make a strong password.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        Button create = new Button("Create account", event -> submit());
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setDisableOnClick(true);
        create.addClickListener(event -> create.setEnabled(true));
        FormLayout form = new FormLayout(name, email, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        RouterLink signIn = new RouterLink("Sign in", IdpLoginView.class);
        Paragraph haveAccount = new Paragraph("Already have an account? ");
        haveAccount.add(signIn);
        card.with(form, create, haveAccount);
        add(card);
    }

    private void submit() {
        name.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        if (markMissing()) {
            return;
        }
        try {
            accounts.signUp(email.getValue(), name.getValue(), password.getValue());
        } catch (InvalidInputException e) {
            FieldErrors.show(e, name, email, password);
            return;
        }
        String address = email.getValue().strip();
        password.clear();
        RouterLink signIn = new RouterLink("Continue to sign in", IdpLoginView.class);
        signIn.setId("continue-to-sign-in");
        Paragraph sent = new Paragraph("We have sent a verification link to " + address
                + ". Open it to verify your address, then sign in."
                + (accounts.linksGoToTheLog()
                        ? " This demo does not send e-mail: the link is printed to the server log."
                        : ""));
        sent.setId("check-inbox");
        card.replaceBody("Check your inbox", sent, signIn);
    }

    /** Marks every empty field at once, rather than one per attempt; true when any was empty. */
    private boolean markMissing() {
        boolean missing = false;
        missing |= markIfEmpty(name, "Enter your name, as your team mates know you");
        missing |= markIfEmpty(email, "Enter your e-mail address");
        missing |= markIfEmpty(password, "Choose a password of at least 12 characters");
        return missing;
    }

    private static boolean markIfEmpty(TextFieldBase<?, String> field, String message) {
        if (!field.getValue().isBlank()) {
            return false;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }
}
