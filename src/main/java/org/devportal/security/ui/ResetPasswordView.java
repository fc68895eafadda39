package org.devportal.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.devportal.base.InvalidInputException;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.LinkCheck;

/** Chooses a new password through an e-mailed reset link. */
@Route(value = "idp/reset-password", autoLayout = false)
@PageTitle("Choose a new password")
@AnonymousAllowed
final class ResetPasswordView extends Div implements BeforeEnterObserver {

    private final AccountService accounts;
    private final AuthCard card = new AuthCard("Choose a new password");
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat the new password");
    private String token = "";

    ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        password.setId("password");
        password.setHelperText("At least 12 characters. A few random words make a strong password.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeat.setId("repeat");
        Button save = new Button("Save new password", event -> save());
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        card.with(form, save);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse("");
        event.getUI().getPage().getHistory().replaceState(null, "idp/reset-password");
        LinkCheck check = accounts.checkResetLink(token);
        if (check != LinkCheck.VALID) {
            showFailure(check);
        }
    }

    private void save() {
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two passwords are not the same");
            repeat.setInvalid(true);
            return;
        }
        LinkCheck result;
        try {
            result = accounts.resetPassword(token, password.getValue());
        } catch (InvalidInputException e) {
            FieldErrors.show(e, password);
            return;
        }
        if (result != LinkCheck.VALID) {
            showFailure(result);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(IdpLoginView.class, QueryParameters.of("reset", "")));
    }

    private void showFailure(LinkCheck check) {
        Paragraph message = new Paragraph(check.message());
        message.setId("reset-link-problem");
        card.replaceBody(
                "This link cannot be used",
                message,
                new Paragraph(new RouterLink("Ask for a new link", ForgotPasswordView.class)));
    }
}
