package org.devportal.clients.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;

/** Confirms a deletion by having the user type the client's name. */
final class DeleteClientDialog extends Dialog {

    DeleteClientDialog(ClientDetails client, Consumer<String> delete) {
        setHeaderTitle("Delete " + client.name() + "?");
        TextField typed = new TextField("Type the client's name to confirm");
        typed.setId("delete-confirmation");
        typed.setWidthFull();
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button("Delete client", event -> {
            try {
                delete.accept(typed.getValue());
                close();
            } catch (InvalidInputException e) {
                typed.setErrorMessage(e.getMessage());
                typed.setInvalid(true);
            }
        });
        confirm.setId("confirm-delete");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        typed.addValueChangeListener(event -> confirm.setEnabled(client.name().equals(event.getValue())));
        add(
                new Paragraph("The client stops working in the sandbox and in production at once. Integrations using "
                        + "its client ID will fail to sign users in. This cannot be undone."),
                typed);
        getFooter().add(new Button("Cancel", event -> close()), confirm);
    }
}
