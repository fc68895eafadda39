package org.devportal.clients.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An editable list of text values, one row each: add, edit and remove. Every row is checked as the user types; a
 * row can show an error (the value is refused) or a warning (accepted here, refused later, e.g. in production).
 * Values are never trimmed or normalised: what the user typed is what is checked and saved.
 */
final class StringListField extends CustomField<List<String>> {

    /** What a row's check found. */
    record RowCheck(Optional<String> error, Optional<String> warning) {
        static RowCheck ok() {
            return new RowCheck(Optional.empty(), Optional.empty());
        }
    }

    private final String rowLabel;
    private final int maxRows;
    private final Function<String, RowCheck> check;
    private final Div rows = new Div();
    private final Button add;
    private final List<Row> rowList = new ArrayList<>();
    private boolean updating;

    StringListField(String label, String rowLabel, String addLabel, int maxRows, Function<String, RowCheck> check) {
        this.rowLabel = rowLabel;
        this.maxRows = maxRows;
        this.check = check;
        setLabel(label);
        add = new Button(addLabel, VaadinIcon.PLUS.create(), event -> {
            Row row = addRow("");
            row.field.focus();
        });
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div wrapper = new Div(rows, add);
        wrapper.setWidthFull();
        add(wrapper);
        setWidthFull();
    }

    @Override
    protected List<String> generateModelValue() {
        return rowList.stream()
                .map(row -> row.field.getValue())
                .filter(value -> !value.isEmpty())
                .toList();
    }

    @Override
    protected void setPresentationValue(List<String> values) {
        updating = true;
        rows.removeAll();
        rowList.clear();
        (values == null ? List.<String>of() : values).forEach(this::addRow);
        if (rowList.isEmpty()) {
            addRow("");
        }
        updating = false;
        refreshAddButton();
    }

    /** Whether any row is refused by its check. */
    boolean hasRowErrors() {
        return rowList.stream().anyMatch(row -> row.field.isInvalid());
    }

    /** Brings the first refused row into view and puts the cursor in it; the first row when none is refused. */
    void focusFirstProblem() {
        TextField target = rowList.stream()
                .map(row -> row.field)
                .filter(TextField::isInvalid)
                .findFirst()
                .orElse(rowList.getFirst().field);
        target.scrollIntoView();
        target.focus();
    }

    List<TextField> rowFields() {
        return rowList.stream().map(row -> row.field).toList();
    }

    private Row addRow(String value) {
        Row row = new Row(value);
        rowList.add(row);
        rows.add(row.layout);
        refreshAddButton();
        if (!updating) {
            updateValue();
        }
        return row;
    }

    private void removeRow(Row row) {
        rowList.remove(row);
        rows.remove(row.layout);
        if (rowList.isEmpty()) {
            addRow("");
        }
        refreshAddButton();
        updateValue();
        renumber();
    }

    private void refreshAddButton() {
        add.setEnabled(rowList.size() < maxRows);
        add.setTooltipText(rowList.size() < maxRows ? null : "At most " + maxRows);
    }

    private void renumber() {
        for (int i = 0; i < rowList.size(); i++) {
            rowList.get(i).field.setAriaLabel(rowLabel + " " + (i + 1));
        }
    }

    private final class Row {
        final TextField field = new TextField();
        final Span warning = new Span();
        final HorizontalLayout layout;

        Row(String value) {
            field.setValue(value);
            field.setWidthFull();
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(300);
            field.setAriaLabel(rowLabel + " " + (rowList.size() + 1));
            field.addClassName("string-list-row");
            field.addValueChangeListener(event -> {
                validateRow();
                updateValue();
            });
            warning.addClassName("portal-warning");
            warning.getStyle()
                    .set("color", "var(--lumo-warning-text-color, #8a6100)")
                    .set("font-size", "var(--lumo-font-size-s)");
            Button remove = new Button(VaadinIcon.TRASH.create(), event -> removeRow(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + rowLabel.toLowerCase(java.util.Locale.ROOT));
            remove.setTooltipText("Remove");
            Div column = new Div(field, warning);
            column.setWidthFull();
            layout = new HorizontalLayout(column, remove);
            layout.setWidthFull();
            layout.setAlignItems(FlexComponent.Alignment.START);
            if (!value.isEmpty()) {
                validateRow();
            }
        }

        void validateRow() {
            String value = field.getValue();
            if (value.isEmpty()) {
                field.setInvalid(false);
                warning.setText("");
                return;
            }
            RowCheck result = check.apply(value);
            field.setErrorMessage(result.error().orElse(null));
            field.setInvalid(result.error().isPresent());
            warning.setText(result.warning().orElse(""));
        }
    }
}
