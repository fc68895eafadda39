package org.devportal.registration.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.devportal.base.InvalidInputException;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.NewInitialAccessToken;
import org.devportal.registration.TokenLifetime;

/** Asks how long a new initial access token works and how many registrations it allows, then creates it. */
final class CreateTokenDialog extends Dialog {

    CreateTokenDialog(
            BiFunction<TokenLifetime, Integer, NewInitialAccessToken> create,
            Consumer<NewInitialAccessToken> onCreated) {
        setId("create-token-dialog");
        setHeaderTitle("Create an initial access token");
        setWidth("34rem");
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
                NewInitialAccessToken created = create.apply(lifetime.getValue(), maxUses.getValue());
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
                new Paragraph("The token lets automation register sandbox clients in this team. It is shown once."),
                lifetime,
                maxUses,
                error);
        // The dialog moves focus to its first field when it opens, and Esc cancels.
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }
}
