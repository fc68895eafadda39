package org.devportal.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/** The built-in identity provider's sign-in page. The form posts to the provider's sign-in endpoint. */
@Route(value = "idp/login", autoLayout = false)
@PageTitle("Sign in")
@AnonymousAllowed
final class IdpLoginView extends Div implements BeforeEnterObserver {

    static final String WRONG_CREDENTIALS = "The e-mail address or password is incorrect. Check both and try again.";

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    IdpLoginView() {
        addClassName("portal-auth");
        form.setAction("idp/login");
        form.setI18n(i18n());
        form.addForgotPasswordListener(event -> form.getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        notice.setVisible(false);
        notice.setId("sign-in-notice");
        RouterLink signUp = new RouterLink("Create an account", SignUpView.class);
        signUp.setId("sign-up-link");
        Paragraph newHere = new Paragraph("New to the portal? ");
        newHere.add(signUp);
        Div card = new Div(notice, form, newHere);
        card.addClassName("portal-auth-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            LoginI18n i18n = i18n();
            LoginI18n.ErrorMessage error = i18n.getErrorMessage();
            if ("throttled".equals(first(parameters, "error"))) {
                error.setTitle("Too many attempts");
                error.setMessage("Sign-in is paused after several failed attempts. Wait "
                        + describeWait(first(parameters, "retry")) + " and try again, or reset your password.");
            } else {
                error.setTitle("Could not sign in");
                error.setMessage(WRONG_CREDENTIALS);
            }
            form.setI18n(i18n);
            form.setError(true);
        }
        if (parameters.containsKey("reset")) {
            showNotice("Your password has been changed. Sign in with the new one.");
        } else if (parameters.containsKey("verified")) {
            showNotice("Your e-mail address is verified. Sign in to continue.");
        } else if (parameters.containsKey("signedup")) {
            showNotice("Account created. Check your inbox for the verification link, then sign in.");
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
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
        i18n.getForm().setTitle("Sign in to the Developer Portal");
        i18n.getForm().setUsername("E-mail address");
        i18n.getForm().setSubmit("Sign in");
        i18n.getForm().setForgotPassword("Forgot your password?");
        return i18n;
    }
}
