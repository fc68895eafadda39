package org.devportal.registration.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.function.Consumer;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.NewInitialAccessToken;
import org.devportal.registration.TokenLifetime;

/**
 * Asks where a new initial access token registers clients, how long it works and how many registrations it allows,
 * then creates it. Production is offered to the team's owners only; the service checks that again.
 */
final class CreateTokenDialog extends Dialog {

    /** Creates the token the dialog describes. */
    @FunctionalInterface
    interface Creator {
        NewInitialAccessToken create(Environment environment, TokenLifetime lifetime, Integer maxUses);
    }

    CreateTokenDialog(Creator create, boolean productionAllowed, Consumer<NewInitialAccessToken> onCreated) {
        setId("create-token-dialog");
        setHeaderTitle("Create an initial access token");
        setWidth("34rem");
        RadioButtonGroup<Environment> environment = new RadioButtonGroup<>("Registers clients");
        environment.setId("token-environment");
        environment.setItems(Environment.values());
        environment.setItemLabelGenerator(value ->
                value == Environment.PRODUCTION ? "At production: each client goes to review" : "In the sandbox");
        environment.setItemEnabledProvider(value -> value == Environment.SANDBOX || productionAllowed);
        environment.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        environment.setValue(Environment.SANDBOX);
        if (!productionAllowed) {
            environment.setHelperText("Only the team's owners can create production tokens.");
        }
        RadioButtonGroup<TokenLifetime> lifetime = new RadioButtonGroup<>("Works for");
        lifetime.setId("token-lifetime");
        lifetime.setItems(TokenLifetime.values());
        lifetime.setItemLabelGenerator(TokenLifetime::label);
        lifetime.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        lifetime.setValue(TokenLifetime.TWENTY_FOUR_HOURS);
        IntegerField maxUses = new IntegerField("Registrations allowed");
        maxUses.setId("token-max-uses");
        maxUses.setMin(1);
        maxUses.setMax(InitialAccessTokenService.MAX_USES);
        maxUses.setStepButtonsVisible(true);
        maxUses.setValue(1);
        maxUses.setHelperText("1 to " + InitialAccessTokenService.MAX_USES + ". Each registered client uses one; "
                + "keep it low, since anyone with the token can register clients in your team.");
        Paragraph error = new Paragraph();
        error.setId("create-token-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button("Create token", event -> {
            maxUses.setInvalid(false);
            error.setText("");
            try {
                NewInitialAccessToken created =
                        create.create(environment.getValue(), lifetime.getValue(), maxUses.getValue());
                close();
                onCreated.accept(created);
            } catch (InvalidInputException e) {
                if ("maxUses".equals(e.field())) {
                    maxUses.setErrorMessage(e.getMessage());
                    maxUses.setInvalid(true);
                    maxUses.focus();
                } else {
                    error.setText(e.getMessage());
                }
            }
        });
        confirm.setId("confirm-create-token");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        add(
                new Paragraph("The token lets automation register clients in this team. It is shown once."),
                environment,
                lifetime,
                maxUses,
                error);
        // The dialog moves focus to its first field when it opens, and Esc cancels.
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }
}
