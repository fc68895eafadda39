package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.devportal.base.ui.EmptyState;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientRules;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientSummary;
import org.devportal.clients.LogoAddress;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.teams.TeamMembership;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;

/**
 * A team's clients: a lazy, searchable list, or an invitation to register the first one. Other modules add
 * buttons beside "Register a client" through {@link ClientListAction} and sections below the list through
 * {@link ClientListContribution}.
 */
@Route("teams/:teamId/clients")
@PageTitle("Clients")
@RolesAllowed("DEVELOPER")
final class ClientListView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ClientService clients;
    private final TeamService teams;
    private final ClientRules rules;
    private final ScopeCatalogue catalogue;
    private final H1 title = new H1("Clients");
    private final TextField search = new TextField();
    private final Grid<ClientSummary> grid = new Grid<>();
    private final Div content = new Div();
    private final Div contributed = new Div();
    private final List<ClientListContribution> contributions;
    private final List<ClientListAction> actions;
    private final HorizontalLayout header;
    private List<Component> teamActions = List.of();
    private final Count count = new Count();
    private TeamMembership team;
    private ClientSummary focused;

    ClientListView(
            ClientService clients,
            TeamService teams,
            ClientRules rules,
            ScopeCatalogue catalogue,
            List<ClientListContribution> contributions,
            List<ClientListAction> actions) {
        this.clients = clients;
        this.teams = teams;
        this.rules = rules;
        this.catalogue = catalogue;
        this.contributions = contributions.stream()
                .sorted(Comparator.comparingInt(ClientListContribution::order))
                .toList();
        this.actions = actions.stream()
                .sorted(Comparator.comparingInt(ClientListAction::order))
                .toList();
        addClassName("portal-page");
        Button register = new Button("Register a client", VaadinIcon.PLUS.create(), event -> openWizard());
        register.setId("register-client");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        header = new HorizontalLayout(title, register);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        // The title takes the free space, so the buttons sit together at the end of the row.
        header.setFlexGrow(1, title);
        header.addClassName("portal-wrap");
        search.setId("client-search");
        search.setPlaceholder("Search by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> {
            count.forget();
            grid.getDataProvider().refreshAll();
        });
        configureGrid();
        add(header, content, contributed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID teamId =
                    UUID.fromString(event.getRouteParameters().get("teamId").orElse(""));
            team = teams.requireMembership(teamId);
        } catch (IllegalArgumentException | TeamNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title.setText(team.teamName() + ": clients");
        render();
        contributed.removeAll();
        contributions.forEach(contribution -> contributed.add(contribution.create(team.teamId())));
        teamActions.forEach(header::remove);
        teamActions =
                actions.stream().map(action -> action.create(team.teamId())).toList();
        teamActions.forEach(header::add);
    }

    private void render() {
        content.removeAll();
        count.forget();
        // With an empty search this is also the grid's count, which is then not run again.
        if (count.of("") == 0) {
            Button first = new Button("Register your first client", event -> openWizard());
            first.setId("register-first-client");
            first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(new EmptyState(
                    VaadinIcon.CUBES,
                    "No clients yet",
                    "A client is your integration's identity here: its client ID, secrets, redirect URIs and scopes, "
                            + "and the name and logo users see when they connect it. It works in the sandbox at once.",
                    first));
            return;
        }
        Paragraph hint = new Paragraph("Clients work in the sandbox as soon as they are registered, and in "
                + "production once a reviewer has approved them.");
        hint.addClassName("portal-muted");
        content.add(hint, search, grid);
        grid.getDataProvider().refreshAll();
    }

    /*
     * The cells are drawn in the browser from a few properties per row (LitRenderer): a component per cell would
     * keep an avatar, a layout and a badge per visible row in the session, and send each to the browser.
     */
    private void configureGrid() {
        grid.setId("clients");
        grid.addColumn(LitRenderer.<ClientSummary>of(
                                "<div style=\"display:flex;align-items:center;gap:var(--lumo-space-s)\">"
                                        + "<vaadin-avatar theme=\"small\" aria-hidden=\"true\" .name=${item.name}"
                                        + " .img=${item.logo}></vaadin-avatar><span>${item.name}</span></div>")
                        .withProperty("name", ClientSummary::name)
                        .withProperty(
                                "logo",
                                client -> client.logoHash() == null ? null : LogoAddress.path(client.logoHash(), 64)))
                .setHeader("Name")
                .setKey("name")
                .setSortProperty("name")
                .setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(client -> client.clientType().label())
                .setHeader("Type")
                .setKey("type")
                .setAutoWidth(true);
        grid.addColumn(client -> client.scopes().isEmpty() ? "None yet" : String.join(", ", client.scopes()))
                .setHeader(ClientField.SCOPES.label())
                .setKey("scopes")
                .setFlexGrow(2);
        grid.addColumn(LitRenderer.<ClientSummary>of(
                                "<span theme=${item.theme} data-status=${item.status}>${item.label}</span>")
                        .withProperty("theme", client -> StatusBadge.theme(client.status()))
                        .withProperty("status", client -> client.status().name())
                        .withProperty("label", client -> client.status().label()))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        grid.addColumn(client -> WHEN.format(client.updatedAt()) + " by " + client.updatedBy())
                .setHeader("Last change")
                .setKey("updatedAt")
                .setSortProperty("updatedAt")
                .setAutoWidth(true);
        // The grid asks for the rows around the ones shown, in whole pages, which after a scroll often span two
        // pages: fetched as one range, that is one read of the index up to the offset instead of one per page.
        grid.getDataCommunicator().setPagingEnabled(false);
        grid.setItems(
                query -> clients
                        .list(
                                team.teamId(),
                                search.getValue(),
                                query.getOffset(),
                                query.getLimit(),
                                VaadinSpringDataHelpers.toSpringDataSort(query))
                        .stream(),
                query -> count.of(search.getValue()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("updatedAt"), SortDirection.DESCENDING)));
        grid.setEmptyStateText("No client's name contains this text.");
        grid.addItemClickListener(event -> open(event.getItem()));
        // The grid moves its focus with the arrow keys; Enter opens the focused row as a click does.
        grid.addCellFocusListener(event -> focused = event.getItem().orElse(null));
        grid.getElement()
                .addEventListener("keydown", event -> {
                    if (focused != null) {
                        open(focused);
                    }
                })
                .setFilter("event.key === 'Enter'");
    }

    /**
     * The list's size, counted once per search text rather than on every refresh: counting reads every matching
     * index entry of the team. A new search, or showing the page again, counts afresh.
     */
    private final class Count {

        private String countedFor;
        private int counted;

        int of(String search) {
            String text = search == null ? "" : search.strip();
            if (!text.equals(countedFor)) {
                counted = clients.count(team.teamId(), text);
                countedFor = text;
            }
            return counted;
        }

        void forget() {
            countedFor = null;
        }
    }

    private void open(ClientSummary client) {
        getUI().ifPresent(ui -> ui.navigate("clients/" + client.id()));
    }

    private void openWizard() {
        new CreateClientDialog(
                        clients,
                        rules,
                        catalogue.available(),
                        team.teamId(),
                        created -> getUI().ifPresent(ui -> ui.navigate("clients/" + created.id())))
                .open();
    }
}
