package org.devportal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;

/** The built-in identity provider's pages, rendered by karibu against the real services. */
class IdentityProviderViewsIT extends ViewTest {

    @Test
    void the_sign_in_page_shows_no_error_on_first_visit() {
        navigate("idp/login");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("idp/login");
    }

    @Test
    void the_sign_in_page_explains_a_failed_sign_in_without_saying_which_part_was_wrong() {
        navigate("idp/login?error");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18nOf(form)).contains(IdpLoginView.WRONG_CREDENTIALS);
    }

    @Test
    void the_sign_in_page_says_how_long_to_wait_when_sign_in_is_throttled() {
        navigate("idp/login?error=throttled&retry=90");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18nOf(form)).contains("Too many attempts", "Wait 2 minutes");
    }

    @Test
    void sign_up_shows_each_problem_on_its_field_and_keeps_what_was_typed() {
        navigate("idp/signup");
        _get(TextField.class, spec -> spec.withId("name")).setValue("Grace Hopper");
        _get(EmailField.class, spec -> spec.withId("email")).setValue("grace@");
        _get(PasswordField.class, spec -> spec.withId("password")).setValue("a long enough passphrase");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-account")));

        EmailField email = _get(EmailField.class, spec -> spec.withId("email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address like name@example.com");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue())
                .isEqualTo("Grace Hopper");
    }

    @Test
    void signing_up_sends_the_verification_mail_and_says_so() {
        String address = "grace-" + UUID.randomUUID() + "@example.com";
        navigate("idp/signup");
        _get(TextField.class, spec -> spec.withId("name")).setValue("Grace Hopper");
        _get(EmailField.class, spec -> spec.withId("email")).setValue(address);
        _get(PasswordField.class, spec -> spec.withId("password")).setValue("a long enough passphrase");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-account")));

        assertThat(LocatorJ._find(Paragraph.class))
                .anySatisfy(p -> assertThat(p.getText()).contains("We have sent a verification link to " + address));
        assertThat(mail.lastLink(address, "/idp/verify")).isPresent();
    }

    @Test
    void the_verification_page_verifies_only_when_the_button_is_pressed() {
        String address = "verify-" + UUID.randomUUID() + "@example.com";
        navigate("idp/signup");
        _get(TextField.class, spec -> spec.withId("name")).setValue("Ada");
        _get(EmailField.class, spec -> spec.withId("email")).setValue(address);
        _get(PasswordField.class, spec -> spec.withId("password")).setValue("a long enough passphrase");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-account")));
        String link = mail.lastLink(address, "/idp/verify").orElseThrow();

        navigate(link.substring(link.indexOf("idp/verify")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-email")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("verification-result"))
                        .getText())
                .contains("is verified");

        navigate(link.substring(link.indexOf("idp/verify")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-email")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("verification-result"))
                        .getText())
                .contains("already been used");
    }

    @Test
    void a_broken_reset_link_says_what_to_do_before_asking_for_a_password() {
        navigate("idp/reset-password?token=not-a-real-token");

        assertThat(_get(Paragraph.class, spec -> spec.withId("reset-link-problem"))
                        .getText())
                .contains("not valid", "ask for a new one");
        assertThat(LocatorJ._find(PasswordField.class)).isEmpty();
    }

    @Test
    void asking_for_a_reset_gives_the_same_answer_for_unknown_addresses() {
        navigate("idp/forgot-password");
        _get(EmailField.class, spec -> spec.withId("email")).setValue("nobody-" + UUID.randomUUID() + "@example.com");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("send-reset-link")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("reset-sent")).getText())
                .contains("If an account exists");
    }

    @Test
    void the_sign_in_error_page_explains_a_state_mismatch() {
        navigate("signin-error?reason=state");

        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-error")).getText())
                .contains("did not match a sign-in started in this browser");
    }

    /** The texts the form shows, as Vaadin sends them to the browser. */
    private static String i18nOf(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
