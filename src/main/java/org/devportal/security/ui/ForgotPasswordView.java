package org.devportal.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.AccountService;

/** Asks for a password reset link. The answer is the same whether or not the address has an account. */
@Route(value = "idp/forgot-password", autoLayout = false)
@PageTitle("Reset your password")
@AnonymousAllowed
final class ForgotPasswordView extends Div {

    private final AccountService accounts;
    private final AuthCard card = new AuthCard("Reset your password");
    private final EmailField email = new EmailField("E-mail address");

    ForgotPasswordView(AccountService accounts) {
        this.accounts = accounts;
        email.setId("email");
        email.setWidthFull();
        email.setRequiredIndicatorVisible(true);
        Button send = new Button("Send reset link", event -> send());
        send.setId("send-reset-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        card.text("Enter the e-mail address of your account. We will send you a link to choose a new password.")
                .with(email, send, new Paragraph(new RouterLink("Back to sign in", IdpLoginView.class)));
        add(card);
    }

    private void send() {
        email.setInvalid(false);
        try {
            accounts.requestPasswordReset(email.getValue());
        } catch (InvalidInputException e) {
            FieldErrors.show(e, email);
            return;
        }
        Paragraph sent =
                new Paragraph("If an account exists for " + email.getValue().strip()
                        + ", we have sent it a link to reset the password. The link works once, for one hour.");
        sent.setId("reset-sent");
        card.replaceBody(
                "Check your inbox", sent, new Paragraph(new RouterLink("Back to sign in", IdpLoginView.class)));
    }
}
