package org.devportal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.LinkCheck;
import org.devportal.security.idp.ResendResult;

/**
 * Opens an e-mail verification link. The link is used only when the user presses the button, so that mail
 * scanners that open every link do not use it up.
 */
@Route(value = "idp/verify", autoLayout = false)
@PageTitle("Verify your e-mail address")
@AnonymousAllowed
final class VerifyEmailView extends Div implements BeforeEnterObserver {

    private final AccountService accounts;
    private final AuthCard card = new AuthCard("Verify your e-mail address");
    private String token = "";

    VerifyEmailView(AccountService accounts) {
        this.accounts = accounts;
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Button confirm = new Button("Confirm my e-mail address", click -> confirm());
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.replaceBody(
                "Verify your e-mail address",
                new Paragraph("Confirm that this address is yours to finish setting up your account."),
                confirm);
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse("");
        // Keep the token out of the address bar and the browser history once it has been read.
        event.getUI().getPage().getHistory().replaceState(null, "idp/verify");
    }

    private void confirm() {
        LinkCheck result = accounts.verifyEmail(token);
        Paragraph message = new Paragraph(
                result == LinkCheck.VALID
                        ? "Your e-mail address is verified. You can now accept invitations to teams."
                        : result.message());
        message.setId("verification-result");
        Anchor next = new Anchor("", "Continue to the portal");
        next.setRouterIgnore(true);
        if (result == LinkCheck.USED || result == LinkCheck.EXPIRED) {
            Button resend = new Button("Resend the link", click -> resend());
            resend.setId("resend-verification");
            card.replaceBody("Verification failed", message, resend, next);
            return;
        }
        card.replaceBody(result == LinkCheck.VALID ? "E-mail address verified" : "Verification failed", message, next);
    }

    private void resend() {
        String text;
        try {
            ResendResult result = accounts.resendVerificationFor(token);
            text = result.message()
                    + (result == ResendResult.SENT && accounts.linksGoToTheLog()
                            ? " This demo prints links to the server log instead of sending mail."
                            : "");
        } catch (InvalidInputException e) {
            text = e.getMessage();
        }
        Paragraph message = new Paragraph(text);
        message.setId("resend-result");
        Anchor next = new Anchor("", "Continue to the portal");
        next.setRouterIgnore(true);
        card.replaceBody("Verify your e-mail address", message, next);
    }
}
