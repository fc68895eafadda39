package org.devportal.clients.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The bar at the bottom of the viewport while the client's form holds unsaved changes, on every section of the page,
 * so that the way to save is never a scroll away from what was typed.
 */
final class SaveBar extends Div {

    private final Runnable save;
    private final Runnable discard;

    SaveBar(Runnable save, Runnable discard) {
        this.save = save;
        this.discard = discard;
        setId("save-bar");
        addClassName("portal-save-bar");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Unsaved changes");
        super.setVisible(false);
    }

    /** Shows or hides the bar; its message and buttons are built the first time it shows. */
    @Override
    public void setVisible(boolean visible) {
        if (visible && getChildren().findAny().isEmpty()) {
            build();
        }
        super.setVisible(visible);
    }

    private void build() {
        Span message = new Span("You have unsaved changes.");
        message.setId("save-bar-message");
        message.addClassName("portal-save-bar-message");
        Button saveButton = new Button("Save changes", VaadinIcon.CHECK.create(), event -> save.run());
        saveButton.setId("save-client");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setTooltipText("Ctrl+S");
        Button discardButton = new Button("Discard", event -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    "Discard your changes?",
                    "The form goes back to the saved values; what you typed is lost.",
                    "Discard changes",
                    confirmed -> discard.run());
            confirm.setCancelable(true);
            confirm.setCancelText("Keep editing");
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("confirm-discard");
            confirm.open();
        });
        discardButton.setId("discard-changes");
        add(message, saveButton, discardButton);
    }
}
