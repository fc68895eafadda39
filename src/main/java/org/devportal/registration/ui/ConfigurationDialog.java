package org.devportal.registration.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ConcurrentEditException;
import org.devportal.registration.ConfigurationDiff;

/**
 * Reads a configuration document, pasted or uploaded, shows what it would change field by field, and changes
 * anything only when the user confirms that preview. Editing the document after the preview asks for a new one, so
 * what is confirmed is always what was shown. A refused document keeps the dialog open with the text as it was.
 */
final class ConfigurationDialog extends Dialog {

    /** A document of a client is a few kilobytes; this leaves room for long lists and still stops a wrong file. */
    static final int MAX_BYTES = 64 * 1024;

    private final TextArea document = new TextArea("Configuration document (JSON)");
    private final Paragraph error = new Paragraph();
    private final Div preview = new Div();
    private final Button confirm;

    /**
     * @param title what the dialog does, such as "Apply a configuration document to Ledger"
     * @param previewer works out what the document would change, or refuses it
     * @param confirmLabel the label of the button that makes the change
     * @param applier makes the change, or refuses it; the dialog closes when it returns
     */
    ConfigurationDialog(
            String title,
            String intro,
            Function<String, ConfigurationDiff> previewer,
            String confirmLabel,
            Consumer<String> applier) {
        setId("configuration-dialog");
        setHeaderTitle(title);
        setWidth("48rem");
        Paragraph help = new Paragraph(intro);
        help.addClassName("portal-muted");
        document.setId("configuration-document");
        document.setWidthFull();
        document.setMinHeight("12rem");
        document.setMaxLength(MAX_BYTES);
        document.setPlaceholder("{\"client_name\": \"...\", \"redirect_uris\": [\"https://...\"], ...}");
        document.setValueChangeMode(ValueChangeMode.LAZY);
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            document.setValue(new String(bytes, StandardCharsets.UTF_8));
            showError(null);
        })));
        upload.setId("configuration-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setDropLabel(new Span("Or drop a .json file here"));
        upload.addFileRejectedListener(event -> showError("This file cannot be read: " + event.getErrorMessage()));
        error.setId("configuration-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        preview.setId("configuration-diff");

        Button show = new Button("Preview changes", event -> {
            try {
                showDiff(previewer.apply(document.getValue()));
                showError(null);
            } catch (InvalidInputException e) {
                preview.removeAll();
                showError(e.getMessage());
            }
        });
        show.setId("configuration-preview");
        confirm = new Button(confirmLabel, event -> {
            try {
                applier.accept(document.getValue());
                close();
            } catch (InvalidInputException | ConcurrentEditException e) {
                showError(e.getMessage());
            }
        });
        confirm.setId("configuration-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        document.addValueChangeListener(event -> {
            // A document changed after its preview must be previewed again before it is confirmed.
            confirm.setEnabled(false);
            preview.removeAll();
        });
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("configuration-cancel");
        add(help, document, upload, error, preview);
        getFooter().add(cancel, show, confirm);
    }

    private void showDiff(ConfigurationDiff diff) {
        preview.removeAll();
        if (diff.isEmpty()) {
            Paragraph none = new Paragraph("This document changes nothing: the client already has these values.");
            none.setId("configuration-no-changes");
            preview.add(none);
            confirm.setEnabled(false);
            return;
        }
        UnorderedList changes = new UnorderedList();
        changes.addClassName("portal-config-diff");
        for (ConfigurationDiff.FieldDiff change : diff.changes()) {
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-field", change.field());
            Span name = new Span(change.label() + " (" + change.field() + ")");
            name.getStyle().set("font-weight", "600");
            item.add(name);
            if (change.added().isEmpty() && change.removed().isEmpty()) {
                Div values = new Div(
                        new Span(change.before().replace("\n", ", ")),
                        new Span(" → "),
                        new Span(change.after().replace("\n", ", ")));
                values.addClassName("portal-config-value");
                item.add(values);
            } else {
                change.added().forEach(added -> item.add(entry("+ ", added, "portal-config-added")));
                change.removed().forEach(removed -> item.add(entry("− ", removed, "portal-config-removed")));
            }
            changes.add(item);
        }
        Paragraph summary = new Paragraph(
                diff.changes().size() == 1 ? "1 field changes." : diff.changes().size() + " fields change.");
        summary.setId("configuration-summary");
        preview.add(summary, changes);
        confirm.setEnabled(true);
    }

    private static Div entry(String sign, String value, String className) {
        Div entry = new Div(new Span(sign + value));
        entry.addClassName(className);
        return entry;
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }
}
