package org.devportal.clients.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.devportal.clients.ChecklistItem;

/** What is still missing before the client can be submitted for review. */
final class ChecklistPanel extends Div {

    ChecklistPanel() {
        setId("checklist");
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0 var(--lumo-space-m) var(--lumo-space-s)");
    }

    void show(List<ChecklistItem> items) {
        removeAll();
        long missing = items.stream().filter(item -> !item.done()).count();
        add(new H2(missing == 0 ? "Ready for review" : "Before you can submit for review"));
        Paragraph summary = new Paragraph(
                missing == 0
                        ? "Every field the review needs is filled in."
                        : missing + " of " + items.size()
                                + " still missing. The client works in the sandbox meanwhile.");
        summary.addClassName("portal-muted");
        UnorderedList list = new UnorderedList();
        list.addClassName("portal-checklist");
        for (ChecklistItem item : items) {
            // One element per line, its mark drawn by the stylesheet from data-done: an icon and a span per line
            // would be three components each, kept for as long as the page is open.
            ListItem line = new ListItem(item.label() + (item.done() ? "" : " — " + item.hint()));
            line.getElement().setAttribute("data-done", String.valueOf(item.done()));
            line.getElement().setAttribute("data-field", item.field());
            list.add(line);
        }
        add(summary, list);
    }
}
