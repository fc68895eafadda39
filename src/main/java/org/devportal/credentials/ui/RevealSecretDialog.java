package org.devportal.credentials.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.devportal.credentials.ClientSecret;

/**
 * Shows a new secret exactly once: in monospace, with a copy button and a warning. It closes only after the user
 * confirms they have stored it; after that nobody can see the secret again, not even the portal.
 */
final class RevealSecretDialog extends Dialog {

    RevealSecretDialog(ClientSecret secret, Runnable onClose) {
        setId("reveal-secret");
        setHeaderTitle("Your new client secret");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("40rem");
        TextField value = new TextField();
        value.setId("secret-value");
        value.setValue(secret.value());
        value.setReadOnly(true);
        value.setWidthFull();
        value.setAriaLabel("Client secret");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), event -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret.value());
            event.getSource().setText("Copied");
        });
        copy.setId("copy-secret");
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph warning = new Paragraph("Store it now in your server's secret store. It will not be shown again: "
                + "the portal keeps only a hash. Never put it in browser or mobile code, or in source control.");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        Checkbox stored = new Checkbox("I have stored it safely");
        stored.setId("secret-stored");
        Button done = new Button("Done", event -> {
            value.clear();
            close();
            onClose.run();
        });
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setEnabled(false);
        stored.addValueChangeListener(event -> done.setEnabled(event.getValue()));
        add(warning, row, stored);
        getFooter().add(done);
    }
}
