package org.devportal.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.devportal.clients.ui.ClientPageTab;

/** The client page's "History" tab: who changed what, old value → new value. */
@org.springframework.stereotype.Component
class HistoryTab implements ClientPageTab {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AuditLog audit;

    HistoryTab(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String label() {
        return "History";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public com.vaadin.flow.component.Component create(UUID clientId) {
        Grid<HistoryEntry> grid = new Grid<>();
        grid.setId("history");
        grid.addColumn(entry -> WHEN.format(entry.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(HistoryEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(HistoryEntry::action).setHeader("What").setAutoWidth(true);
        grid.addComponentColumn(HistoryTab::changes).setHeader("Changes").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No history yet.");
        grid.setItems(audit.historyOf(clientId));
        return grid;
    }

    private static com.vaadin.flow.component.Component changes(HistoryEntry entry) {
        Div list = new Div();
        for (FieldChange change : entry.changes()) {
            Div line = new Div();
            Span field = new Span(change.field() + ": ");
            field.getStyle().set("font-weight", "600");
            line.add(field, new Span(shown(change.oldValue()) + " → " + shown(change.newValue())));
            line.getStyle().set("white-space", "pre-wrap");
            list.add(line);
        }
        return list;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
