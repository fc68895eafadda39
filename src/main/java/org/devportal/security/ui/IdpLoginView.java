package org.devportal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.IdpSignIn;

/**
 * The built-in identity provider's sign-in page. The form posts to the provider's sign-in endpoint. After a correct
 * password for an unverified account the page shows only what to do next: verify the address, or get a new link.
 */
@Route(value = "idp/login", autoLayout = false)
@PageTitle("Sign in")
@AnonymousAllowed
final class IdpLoginView extends Div implements BeforeEnterObserver {

    static final String WRONG_CREDENTIALS = "The e-mail address or password is incorrect. Check both and try again.";
    static final String BUSY = "Many people are signing in right now. Wait a moment and try again.";

    private final AccountService accounts;
    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final Div card = new Div();
    private String prefilledEmail = "";

    IdpLoginView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("portal-auth");
        form.setAction("idp/login");
        form.setI18n(i18n());
        form.addClassName("portal-auth-form");
        form.addForgotPasswordListener(event -> form.getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        notice.setVisible(false);
        notice.setId("sign-in-notice");
        RouterLink signUp = new RouterLink("Create an account", SignUpView.class);
        signUp.setId("sign-up-link");
        Paragraph newHere = new Paragraph("New to the portal? ");
        newHere.add(signUp);
        card.addClassName("portal-auth-card");
        card.add(new H1("Sign in"), notice, form, newHere);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            String reason = first(parameters, "error");
            if ("unverified".equals(reason)) {
                String account = sessionAttribute(IdpSignIn.UNVERIFIED_ACCOUNT_ATTRIBUTE);
                if (account != null) {
                    showVerifyFirst(UUID.fromString(account));
                    return;
                }
            }
            LoginI18n i18n = i18n();
            LoginI18n.ErrorMessage error = i18n.getErrorMessage();
            if ("throttled".equals(reason)) {
                error.setTitle("Too many attempts");
                error.setMessage("Sign-in is paused after several failed attempts. Wait "
                        + describeWait(first(parameters, "retry")) + " and try again, or reset your password.");
            } else if ("busy".equals(reason)) {
                error.setTitle("Please try again");
                error.setMessage(BUSY);
            } else {
                error.setTitle("Could not sign in");
                error.setMessage(WRONG_CREDENTIALS);
            }
            form.setI18n(i18n);
            form.setError(true);
            String email = sessionAttribute(IdpSignIn.LAST_EMAIL_ATTRIBUTE);
            if (email != null) {
                prefill(email);
            }
        }
        if (parameters.containsKey("reset")) {
            showNotice("Your password has been changed. Sign in with the new one.");
        } else if (parameters.containsKey("verified")) {
            showNotice("Your e-mail address is verified. Sign in to continue.");
        } else if (parameters.containsKey("signedup")) {
            showNotice("Account created. Open the verification link we sent you, then sign in.");
        }
    }

    /** The e-mail address put back into the form after a failed sign-in. */
    String prefilledEmail() {
        return prefilledEmail;
    }

    private void prefill(String email) {
        prefilledEmail = email;
        // The login form has no server-side value for its fields; the field is set once the web component renders.
        form.getElement().executeJs("""
                const form = this;
                let tries = 0;
                const fill = () => {
                  const field = form.querySelector('#vaadinLoginUsername, vaadin-text-field[name="username"]');
                  if (field) { field.value = $0; }
                  else if (tries++ < 50) { requestAnimationFrame(fill); }
                };
                customElements.whenDefined('vaadin-login-form').then(fill);""", email);
    }

    private void showVerifyFirst(UUID account) {
        Paragraph explanation = new Paragraph("Your password is right, but your e-mail address is not verified yet. "
                + "Open the link we e-mailed you when you created the account, then sign in.");
        explanation.setId("verify-first");
        Paragraph result = new Paragraph();
        result.setId("resend-result");
        result.setVisible(false);
        Button resend = new Button("Resend the link");
        resend.setId("resend-verification");
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resend.addClickListener(click -> {
            try {
                accounts.resendVerification(account);
                result.setText("We have sent a new link. Check your inbox" + demoHint() + ".");
            } catch (InvalidInputException e) {
                result.setText(e.getMessage());
            }
            result.setVisible(true);
        });
        card.removeAll();
        card.add(
                new H1("Verify your e-mail address"),
                explanation,
                resend,
                result,
                new Paragraph(new RouterLink("Back to sign in", IdpLoginView.class)));
    }

    private String demoHint() {
        return accounts.linksGoToTheLog() ? " (this demo prints links to the server log instead of sending mail)" : "";
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    private static String sessionAttribute(String name) {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession wrapped = session == null ? null : session.getSession();
        Object value = wrapped == null ? null : wrapped.getAttribute(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    static String describeWait(String seconds) {
        long value;
        try {
            value = Math.max(1, Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return "a few minutes";
        }
        if (value < 60) {
            return value == 1 ? "1 second" : value + " seconds";
        }
        long minutes = (value + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        // The card's heading is the title, as on the sign-up page; the form shows none of its own.
        i18n.getForm().setTitle("");
        i18n.getForm().setUsername("E-mail address");
        i18n.getForm().setSubmit("Sign in");
        i18n.getForm().setForgotPassword("Forgot your password?");
        return i18n;
    }
}
