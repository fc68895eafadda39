package org.devportal.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.devportal.review.FieldDiff;
import org.devportal.review.Risk;

/**
 * A revision's fields next to an earlier revision's: each row names the field, shows its risk tags, and the old
 * value struck through above the new one; a list shows its added and removed entries instead.
 */
final class DiffTable extends Div {

    DiffTable(String id, List<FieldDiff> diff) {
        setId(id);
        for (FieldDiff field : diff) {
            add(row(field));
        }
    }

    private static Div row(FieldDiff field) {
        Div row = new Div();
        row.addClassName("portal-diff-row");
        if (field.changed()) {
            row.addClassName("portal-diff-changed");
        }
        Span name = new Span(field.field());
        name.addClassName("portal-diff-field");
        row.add(name);
        for (Risk risk : field.risks()) {
            Span tag = new Span(risk.label());
            tag.getElement().getThemeList().add("badge error small");
            tag.addClassName("portal-risk");
            row.add(tag);
        }
        row.add(field.changed() && field.listed() ? entries(field) : values(field));
        return row;
    }

    private static Div values(FieldDiff field) {
        Div values = new Div();
        values.addClassName("portal-diff-values");
        if (field.changed() && field.before() != null) {
            Span before = new Span(field.before());
            before.addClassName("portal-diff-before");
            before.getElement().setAttribute("aria-label", "Before: " + field.before());
            values.add(before);
        }
        Span after = new Span(field.after() == null || field.after().isEmpty() ? "(not set)" : field.after());
        after.addClassName(field.changed() ? "portal-diff-after" : "portal-diff-same");
        values.add(after);
        return values;
    }

    /** A changed list: what was added, then what was removed, one entry per line. */
    private static UnorderedList entries(FieldDiff field) {
        UnorderedList entries = new UnorderedList();
        entries.addClassName("portal-diff-values");
        field.added().forEach(entry -> {
            ListItem item = new ListItem("+ " + entry);
            item.addClassName("portal-diff-after");
            item.getElement().setAttribute("aria-label", "Added: " + entry);
            entries.add(item);
        });
        field.removed().forEach(entry -> {
            ListItem item = new ListItem("− " + entry);
            item.addClassName("portal-diff-before");
            item.getElement().setAttribute("aria-label", "Removed: " + entry);
            entries.add(item);
        });
        return entries;
    }
}
