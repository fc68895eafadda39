package org.devportal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.IdpSignIn;
import org.devportal.security.idp.TestAccounts;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What users see around sign-in: the kept e-mail address, the unverified state, sign-up's missing fields. */
class SignInPagesIT extends ViewTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    AccountService accounts;

    @Test
    void a_failed_sign_in_keeps_the_e_mail_address_in_the_field() {
        VaadinSession.getCurrent().getSession().setAttribute(IdpSignIn.LAST_EMAIL_ATTRIBUTE, "kept@example.com");

        navigate("idp/login?error");

        IdpLoginView view = (IdpLoginView) UI.getCurrent().getCurrentView();
        assertThat(view.prefilledEmail()).isEqualTo("kept@example.com");
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void an_unverified_account_sees_only_verify_your_address_and_can_resend_the_link() {
        String email = "unverified-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(email, "Not Yet", PASSWORD);
        String account = TestAccounts.idOf(accounts, email).toString();
        VaadinSession.getCurrent().getSession().setAttribute(IdpSignIn.UNVERIFIED_ACCOUNT_ATTRIBUTE, account);
        String firstLink = mail.lastLink(email, "/idp/verify").orElseThrow();

        navigate("idp/login?error=unverified");

        assertThat(_find(LoginForm.class)).isEmpty();
        assertThat(_get(H1.class).getText()).isEqualTo("Verify your e-mail address");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("resend-verification")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("resend-result")).getText())
                .contains("sent a new link");
        assertThat(mail.lastLink(email, "/idp/verify")).get().isNotEqualTo(firstLink);
    }

    @Test
    void a_used_verification_link_offers_a_new_one() {
        String email = "used-link-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(email, "Used Link", PASSWORD);
        String link = mail.lastLink(email, "/idp/verify").orElseThrow();
        accounts.resendVerification(TestAccounts.idOf(accounts, email));

        navigate(link.substring(link.indexOf("idp/verify")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-email")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("resend-verification")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("resend-result")).getText())
                .contains("new verification link");
        assertThat(mail.sentTo(email)).hasSize(3);
    }

    @Test
    void an_empty_sign_up_marks_every_missing_field_at_once() {
        navigate("idp/signup");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-account")));

        assertThat(_get(TextField.class, spec -> spec.withId("name")).isInvalid())
                .isTrue();
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).isInvalid())
                .isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).isInvalid())
                .isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("password")).getErrorMessage())
                .contains("12 characters");
    }

    @Test
    void sign_in_and_sign_up_share_the_same_card_and_heading() {
        navigate("idp/login");
        assertThat(_get(H1.class).getText()).isEqualTo("Sign in");
        assertThat(_get(LoginForm.class).getParent().orElseThrow().getClassNames())
                .contains("portal-auth-card");

        navigate("idp/signup");
        assertThat(_get(H1.class).getText()).isEqualTo("Create an account");
        assertThat(_get(H1.class).getParent().orElseThrow().getClassNames()).contains("portal-auth-card");
    }

    @Test
    void check_your_inbox_says_to_verify_before_signing_in() {
        String email = "inbox-" + UUID.randomUUID() + "@example.com";
        navigate("idp/signup");
        _get(TextField.class, spec -> spec.withId("name")).setValue("Inbox");
        _get(EmailField.class, spec -> spec.withId("email")).setValue(email);
        _get(PasswordField.class, spec -> spec.withId("password")).setValue(PASSWORD);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-account")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("check-inbox")).getText())
                .contains("Open it to verify your address, then sign in")
                .doesNotContain("server log");
    }
}
