package org.devportal.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.devportal.base.Times;
import org.devportal.registration.NewInitialAccessToken;

/**
 * Shows a new initial access token exactly once, with a copy button and how to use it. Like the secret reveal, it
 * closes only after the user confirms they have stored the token; after that nobody can see it again.
 */
final class RevealTokenDialog extends Dialog {

    RevealTokenDialog(NewInitialAccessToken created, String endpoint, Runnable onClose) {
        setId("reveal-token");
        setHeaderTitle("Your new initial access token");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("40rem");
        String token = created.token().value();
        TextField value = new TextField();
        value.setId("token-value");
        value.setValue(token);
        value.setReadOnly(true);
        value.setWidthFull();
        value.setAriaLabel("Initial access token");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), event -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", token);
            event.getSource().setText("Copied");
        });
        copy.setId("copy-token");
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph usage = new Paragraph("Send it as \"Authorization: Bearer <token>\" with a POST of the client's "
                + "metadata to " + endpoint + ". It registers up to "
                + created.view().maxUses() + " client"
                + (created.view().maxUses() == 1 ? "" : "s") + " until "
                + Times.DATE_TIME.format(created.view().expiresAt())
                + ".");
        Paragraph warning = new Paragraph("Store it now, in your pipeline's secret store. It will not be shown again: "
                + "the portal keeps only a hash. Anyone with it can register clients in your team.");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        Checkbox stored = new Checkbox("I have stored it safely");
        stored.setId("token-stored");
        Button done = new Button("Done", event -> {
            value.clear();
            close();
            onClose.run();
        });
        done.setId("token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setEnabled(false);
        stored.addValueChangeListener(event -> done.setEnabled(event.getValue()));
        add(warning, row, usage, stored);
        getFooter().add(done);
    }
}
