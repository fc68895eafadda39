package org.devportal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.security.idp.PasskeyService;
import org.devportal.security.idp.PasskeySummary;

/**
 * The signed-in user's passkeys and recovery codes at the built-in identity provider: list, add with a name, remove
 * after a confirmation, and new recovery codes.
 */
@Route("account/passkeys")
@PageTitle("Passkeys")
@Menu(order = 81, title = "Passkeys", icon = "vaadin:key")
@PermitAll
final class PasskeysView extends Div {

    private final PasskeyService passkeys;
    private final Grid<PasskeySummary> grid = new Grid<>();
    private final Paragraph codesLeft = new Paragraph();
    private final Paragraph error = new Paragraph();

    PasskeysView(PasskeyService passkeys) {
        this.passkeys = passkeys;
        addClassName("portal-page");
        add(new H1("Passkeys"));
        List<PasskeySummary> current;
        try {
            current = passkeys.myPasskeys();
        } catch (InvalidInputException e) {
            add(new Paragraph(e.getMessage()));
            return;
        }
        Paragraph intro = new Paragraph("A passkey confirms your sign-in and sensitive actions, such as revealing a "
                + "production secret. Reviewers and administrators need one.");
        intro.addClassName("portal-muted");
        grid.setId("passkeys");
        grid.setAllRowsVisible(true);
        grid.addColumn(PasskeySummary::label).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> p.created() == null ? "" : Times.DATE_TIME.format(p.created()))
                .setHeader("Added")
                .setAutoWidth(true);
        grid.addColumn(p -> p.lastUsed() == null ? "Never" : Times.DATE_TIME.format(p.lastUsed()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setKey("remove");
        grid.setEmptyStateText("No passkey yet. Add one below.");
        TextField name = new TextField("Name of the new passkey");
        name.setId("new-passkey-name");
        name.setPlaceholder("e.g. Work laptop");
        name.setMaxLength(100);
        Button add = new Button("Add passkey", click -> add(name));
        add.setId("add-passkey");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adding = new HorizontalLayout(name, add);
        adding.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        error.setId("passkey-error");
        error.addClassName("portal-error");
        error.setVisible(false);
        codesLeft.setId("recovery-codes-left");
        Button regenerate = new Button("New recovery codes…", click -> confirmRegeneration());
        regenerate.setId("regenerate-recovery-codes");
        add(intro, grid, adding, error, new H2("Recovery codes"), codesLeft, regenerate);
        show(current);
    }

    private void add(TextField name) {
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Give the passkey a name, such as the device it is on.");
            name.setInvalid(true);
            return;
        }
        name.setInvalid(false);
        error.setVisible(false);
        PasskeyCeremony.register(
                this,
                name.getValue().strip(),
                () -> {
                    name.clear();
                    passkeys.myPasskeyAdded().ifPresent(this::showCodes);
                    show(passkeys.myPasskeys());
                },
                failure -> {
                    error.setText("The passkey was not added. Try again; if your sign-in has ended, sign out and "
                            + "in again first.");
                    error.setVisible(true);
                });
    }

    private Button removeButton(PasskeySummary passkey) {
        Button remove = new Button("Remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    "Remove " + passkey.label() + "?",
                    "You can no longer sign in or confirm actions with it.",
                    "Remove",
                    event -> {
                        try {
                            passkeys.removeMyPasskey(passkey.id());
                            show(passkeys.myPasskeys());
                        } catch (InvalidInputException e) {
                            Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER)
                                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
                        }
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("remove-passkey");
            confirm.open();
        });
        return remove;
    }

    private void confirmRegeneration() {
        ConfirmDialog confirm = new ConfirmDialog(
                "Replace your recovery codes?",
                "Your current recovery codes stop working, and ten new ones are shown once.",
                "Replace",
                event -> {
                    try {
                        showCodes(passkeys.regenerateMyRecoveryCodes());
                        show(passkeys.myPasskeys());
                    } catch (InvalidInputException e) {
                        Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
        confirm.setCancelable(true);
        confirm.setId("confirm-regeneration");
        confirm.open();
    }

    private void showCodes(List<String> codes) {
        Dialog dialog = new Dialog();
        dialog.setId("recovery-codes-dialog");
        dialog.setHeaderTitle("Save your recovery codes");
        dialog.add(
                new Paragraph("Each code signs you in once if your passkey is not at hand. They are shown only now."),
                new RecoveryCodeList(codes));
        Button done = new Button("I have saved them", click -> dialog.close());
        done.setId("codes-saved");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private void show(List<PasskeySummary> current) {
        grid.setItems(current);
        long left = passkeys.myRecoveryCodesLeft();
        codesLeft.setText(
                current.isEmpty()
                        ? "Recovery codes come with your first passkey."
                        : left + (left == 1 ? " unused recovery code." : " unused recovery codes."));
    }
}
