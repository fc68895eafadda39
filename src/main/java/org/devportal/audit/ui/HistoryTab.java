package org.devportal.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.clients.ui.ClientPageTab;

/**
 * The client page's "History" tab: who changed what, old value → new value (a logo as its old and new picture). The grid reads the history a page at
 * a time as it scrolls; repeated refusals show as one counted entry.
 */
@org.springframework.stereotype.Component
class HistoryTab implements ClientPageTab {

    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final AuditLog audit;

    HistoryTab(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String label() {
        return "History";
    }

    @Override
    public String slug() {
        return "history";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public com.vaadin.flow.component.Component create(UUID clientId) {
        Grid<HistoryEntry> grid = new Grid<>();
        grid.setId("history");
        grid.addColumn(HistoryTab::when).setHeader("When").setAutoWidth(true);
        grid.addColumn(HistoryEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(HistoryTab::what).setHeader("What").setKey("what").setAutoWidth(true);
        grid.addComponentColumn(ChangeList::of)
                .setHeader("Changes")
                .setKey("changes")
                .setFlexGrow(3);
        grid.setEmptyStateText("No history yet.");
        grid.setPageSize(PAGE_SIZE);
        grid.setItems(
                query -> audit.historyOf(clientId, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.historySize(clientId)));
        // A short history shows whole; a long one scrolls inside a grid of fixed height, which fetches as it goes.
        if (audit.historySize(clientId) <= PAGE_SIZE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("36rem");
        }
        return grid;
    }

    private static String when(HistoryEntry entry) {
        return entry.counted() && !entry.firstAt().equals(entry.at())
                ? SINCE.format(entry.firstAt()) + " – " + WHEN.format(entry.at())
                : WHEN.format(entry.at());
    }

    /** During a rotation two secrets refresh at once; each has its own row, so the row says which. */
    private static String what(HistoryEntry entry) {
        String what = entry.counted() ? entry.action() + " ×" + entry.occurrences() : entry.action();
        return entry.secret() == null ? what : what + ", with secret " + entry.secret();
    }
}
