package org.devportal.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.audit.AuditFilter;
import org.devportal.audit.AuditRecord;
import org.devportal.audit.PortalAudit;

/**
 * The administrators' portal-wide audit log: every recorded event, newest first, filtered by team, client, actor,
 * action and days (UTC). The grid reads a page at a time; the service refuses anyone but an administrator.
 */
@Route("admin/audit")
@PageTitle("Audit log")
@Menu(order = 91, title = "Audit log", icon = "vaadin:archive")
@RolesAllowed("ADMIN")
final class AuditView extends Div {

    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PortalAudit audit;
    private final Map<UUID, String> teamNames;
    final ComboBox<UUID> team = new ComboBox<>("Team");
    final TextField client = new TextField("Client ID");
    final TextField actor = new TextField("Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC)");
    final Grid<AuditRecord> grid = new Grid<>();
    private AuditFilter filter = AuditFilter.ALL;

    AuditView(PortalAudit audit) {
        this.audit = audit;
        this.teamNames = audit.teams();
        addClassName("portal-page");
        Paragraph intro = new Paragraph("Everything the portal recorded, newest first: client changes, team "
                + "memberships and invitations, registration tokens and reviewer roles. Repeated refusals count as one "
                + "entry per hour.");
        intro.addClassName("portal-muted");
        add(new H1("Audit log"), intro, filters(), grid());
    }

    private Component filters() {
        team.setId("audit-team");
        team.setItems(teamNames.keySet());
        team.setItemLabelGenerator(id -> teamNames.getOrDefault(id, "Deleted team"));
        team.setClearButtonVisible(true);
        client.setId("audit-client");
        client.setPlaceholder("Sandbox or production client ID");
        client.setClearButtonVisible(true);
        client.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setId("audit-actor");
        actor.setPlaceholder("Name starts with");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        team.addValueChangeListener(event -> refresh());
        client.addValueChangeListener(event -> refresh());
        actor.addValueChangeListener(event -> refresh());
        action.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());
        FlexLayout row = new FlexLayout(team, client, actor, action, from, to);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private Component grid() {
        grid.setId("audit");
        grid.addColumn(record -> WHEN.format(record.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(record -> record.entry().counted()
                        ? record.action() + " ×" + record.entry().occurrences()
                        : record.action())
                .setHeader("What")
                .setKey("what")
                .setAutoWidth(true);
        grid.addColumn(record -> record.teamId() == null ? "" : teamNames.getOrDefault(record.teamId(), "Deleted team"))
                .setHeader("Team")
                .setKey("team")
                .setAutoWidth(true);
        grid.addComponentColumn(AuditView::clientLink).setHeader("Client").setAutoWidth(true);
        grid.addComponentColumn(record -> ChangeList.of(record.entry()))
                .setHeader("Changes")
                .setFlexGrow(3);
        grid.setEmptyStateText("No entries match these filters.");
        grid.setPageSize(PAGE_SIZE);
        grid.setHeight("40rem");
        grid.setItems(query -> audit.search(filter, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, audit.count(filter)));
        return grid;
    }

    private static Component clientLink(AuditRecord record) {
        return record.clientId() == null ? new Text("") : new Anchor("clients/" + record.clientId(), "Open client");
    }

    /** Reads the filters; a client ID that names no client, or days in the wrong order, is said at the field. */
    private void refresh() {
        client.setInvalid(false);
        to.setInvalid(false);
        UUID clientId = null;
        if (!client.getValue().isBlank()) {
            Optional<UUID> found = audit.clientByClientId(client.getValue());
            if (found.isEmpty()) {
                client.setErrorMessage("No client has this sandbox or production client ID");
                client.setInvalid(true);
                return;
            }
            clientId = found.get();
        }
        Instant start = from.getValue() == null ? null : startOf(from.getValue());
        Instant end = to.getValue() == null ? null : startOf(to.getValue().plusDays(1));
        if (start != null && end != null && !start.isBefore(end)) {
            to.setErrorMessage("Choose a day on or after the start");
            to.setInvalid(true);
            return;
        }
        filter = new AuditFilter(team.getValue(), clientId, actor.getValue(), action.getValue(), start, end);
        grid.getDataProvider().refreshAll();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
