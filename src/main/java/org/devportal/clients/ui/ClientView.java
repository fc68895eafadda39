package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientRules;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.ConcurrentEditException;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.teams.TeamService;

/**
 * A client's page: a header, then one section at a time, each at its own address ({@code clients/{id}/scopes}). The
 * page's own sections hold the form (details, redirect URIs, scopes); other modules add theirs through
 * {@link ClientPageSection} and {@link ClientPageTab}. A section is built the first time it is opened. The form's
 * unsaved changes survive switching sections, show in a save bar, and are confirmed before leaving the page.
 */
@Route("clients/:" + ClientView.CLIENT_ID + "/:" + ClientView.SECTION + "?")
@PageTitle("Client")
@RolesAllowed("DEVELOPER")
final class ClientView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, ClientPage {

    static final String CLIENT_ID = "clientId";
    static final String SECTION = "section";

    private final ClientService clients;
    private final TeamService teams;
    private final ClientRules rules;
    private final ScopeCatalogue catalogue;
    private final List<ClientPageSection> extraSections;
    private final Map<String, PageSection> sections = new LinkedHashMap<>();
    private final Map<String, Tab> tabs = new HashMap<>();
    private final Map<String, Component> built = new HashMap<>();
    private final List<ClientDraftListener> draftListeners = new ArrayList<>();
    private final H1 title = new H1();
    private final Span status = new Span();
    private final Paragraph identity = new Paragraph();
    private final Anchor back = new Anchor();
    private final ChecklistPanel checklist = new ChecklistPanel();
    private final Tabs navigation = new Tabs();
    private final Div shown = new Div();
    private final SaveBar saveBar;
    private ClientForm form;
    private ClientDetails client;
    private String current = ClientForm.DETAILS;
    private boolean selecting;

    ClientView(
            ClientService clients,
            TeamService teams,
            ClientRules rules,
            ScopeCatalogue catalogue,
            List<ClientPageTab> extraTabs,
            List<ClientPageSection> extraSections) {
        this.clients = clients;
        this.teams = teams;
        this.rules = rules;
        this.catalogue = catalogue;
        this.extraSections = List.copyOf(extraSections);
        Stream.concat(
                        Stream.of(
                                new PageSection(ClientForm.DETAILS, "Details", 0, client -> details()),
                                new PageSection(
                                        ClientForm.REDIRECT_URIS,
                                        "Redirect URIs",
                                        1,
                                        client -> form().part(ClientForm.REDIRECT_URIS)),
                                new PageSection(
                                        ClientForm.SCOPES, "Scopes", 2, client -> form().part(ClientForm.SCOPES))),
                        Stream.concat(
                                extraSections.stream()
                                        .map(section -> new PageSection(
                                                section.slug(),
                                                section.label(),
                                                section.order(),
                                                client -> section.create(client, this))),
                                extraTabs.stream()
                                        .map(tab -> new PageSection(
                                                tab.slug(),
                                                tab.label(),
                                                tab.order(),
                                                client -> tab.create(client.id())))))
                .sorted(Comparator.comparingInt(PageSection::order))
                .forEach(section -> {
                    if (sections.putIfAbsent(section.slug(), section) != null) {
                        throw new IllegalStateException("Two client page sections claim the address " + section.slug());
                    }
                    Tab tab = new Tab(section.label());
                    tab.setId("section-" + section.slug());
                    tabs.put(section.slug(), tab);
                    navigation.add(tab);
                });
        addClassName("portal-page");
        identity.addClassName("portal-muted");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassName("portal-wrap");
        back.setId("back-to-clients");
        navigation.setId("client-sections");
        navigation.setWidthFull();
        navigation.addSelectedChangeListener(event -> {
            if (!selecting && event.getSelectedTab() != null) {
                open(slugOf(event.getSelectedTab()));
            }
        });
        shown.setId("client-section");
        shown.addClassName("portal-client-section");
        saveBar = new SaveBar(this::save, this::discard);
        add(back, header, identity, navigation, shown, saveBar);
        Shortcuts.addShortcutListener(this, this::saveFromKeyboard, Key.KEY_S, KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
        Shortcuts.addShortcutListener(this, this::saveFromKeyboard, Key.KEY_S, KeyModifier.META)
                .resetFocusOnActiveElement();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get(SECTION).orElse(ClientForm.DETAILS);
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get(CLIENT_ID).orElse(""));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        // An address this page does not know, say from a section that no longer exists, still opens the client.
        String section = sections.containsKey(requested) ? requested : ClientForm.DETAILS;
        // The same client in another section: the page stays as it is, with whatever the user typed. Only when
        // the client changed meanwhile (a reviewer decided, say) and nothing is typed does the page start over.
        if (client != null && client.id().equals(id)) {
            try {
                ClientDetails latest = clients.get(id);
                if (latest.version() != client.version() && !hasUnsavedChanges()) {
                    client = latest;
                    render();
                }
            } catch (ClientNotFoundException e) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            select(section);
            return;
        }
        try {
            client = clients.get(id);
        } catch (ClientNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
        select(section);
        extraSections.forEach(extra -> extra.pageOpened(client, this));
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (client == null) {
            return;
        }
        boolean samePage = event.getNavigationTarget() == ClientView.class
                && event.getRouteParameters()
                        .get(CLIENT_ID)
                        .equals(Optional.of(client.id().toString()));
        if (samePage || !hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(
                "Discard your changes?",
                "You have changes to " + client.name() + " that are not saved.",
                "Discard changes",
                discard -> action.proceed());
        confirm.setCancelable(true);
        confirm.setCancelText("Keep editing");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("unsaved-changes");
        confirm.open();
    }

    @Override
    public void clientChanged() {
        ClientDetails before = client;
        client = clients.get(client.id());
        // A section that changed the fields themselves, such as an applied configuration document, replaces what
        // the form shows; a logo or a credential leaves what the user is typing alone.
        if (form != null && !ClientUpdate.of(before).equals(ClientUpdate.of(client))) {
            form.read(client);
        }
        // A lifecycle step (submitted, withdrawn, approved) changes what the whole page offers; other changes,
        // such as a new logo, only the header, so that unsaved edits in the form survive them.
        if (before.status() != client.status()
                || before.approvedForProduction() != client.approvedForProduction()
                || before.unapprovedChanges() != client.unapprovedChanges()) {
            render();
            select(current);
        } else {
            showHeader();
            draftChanged();
        }
    }

    @Override
    public boolean hasUnsavedChanges() {
        return form != null && form.hasChanges();
    }

    @Override
    public boolean saveChanges() {
        return !hasUnsavedChanges() || save();
    }

    /** The section shown now, by its address. */
    String currentSection() {
        return current;
    }

    /** Whether a section has been built, which happens the first time it is opened. */
    boolean isBuilt(String section) {
        return built.containsKey(section);
    }

    /** Starts the page over for the client as saved: the form and every section built again when opened. */
    private void render() {
        built.clear();
        shown.removeAll();
        draftListeners.clear();
        form = null;
        saveBar.setVisible(false);
        showHeader();
    }

    /** Opens a section at its address, so that a bookmark or a reload opens it again. */
    private void open(String section) {
        if (section.equals(current) && built.containsKey(section)) {
            return;
        }
        getUI().ifPresentOrElse(
                        ui -> ui.navigate(
                                ClientView.class,
                                new RouteParameters(
                                        Map.of(CLIENT_ID, client.id().toString(), SECTION, section))),
                        () -> select(section));
    }

    private void select(String section) {
        current = section;
        selecting = true;
        navigation.setSelectedTab(tabs.get(section));
        selecting = false;
        if (!built.containsKey(section)) {
            Component content = sections.get(section).create().apply(client);
            built.put(section, content);
            shown.add(content);
            if (content instanceof ClientDraftListener listener) {
                draftListeners.add(listener);
                listener.draftChanged(client, draft());
            }
        }
        // Sections opened before stay attached, only out of sight: a value typed into a form field just before
        // switching still reaches the server after the switch, which it would not for a detached (or invisible,
        // hence inert) field.
        built.forEach((slug, content) -> {
            if (slug.equals(section)) {
                content.getElement().getStyle().remove("display");
            } else {
                content.getElement().getStyle().set("display", "none");
            }
        });
    }

    private String slugOf(Tab tab) {
        return tabs.entrySet().stream()
                .filter(entry -> entry.getValue() == tab)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(ClientForm.DETAILS);
    }

    /** The form, created when a section that shows its fields is first opened. */
    private ClientForm form() {
        if (form == null) {
            form = new ClientForm(rules, catalogue::available);
            form.read(client);
            form.setReadOnly(!client.status().editable());
            form.addDraftListener(this::draftChanged);
        }
        return form;
    }

    private Component details() {
        checklist.show(clients.checklist(client.id()));
        return new Div(checklist, form().part(ClientForm.DETAILS), dangerZone());
    }

    /** Tells the sections that follow the form what it holds now, and shows or hides the save bar. */
    private void draftChanged() {
        ClientUpdate draft = draft();
        draftListeners.forEach(listener -> listener.draftChanged(client, draft));
        saveBar.setVisible(hasUnsavedChanges());
    }

    private ClientUpdate draft() {
        return form == null ? ClientUpdate.of(client) : form.draft();
    }

    private void showHeader() {
        back.setHref("teams/" + client.teamId() + "/clients");
        back.setText("← " + teams.requireMembership(client.teamId()).teamName() + ": all clients");
        title.setText(client.name());
        status.removeAll();
        status.add(new StatusBadge(client.status()));
        identity.setText("Sandbox client ID: " + client.sandboxClientId() + " · "
                + client.clientType().label());
        identity.setId("client-identity");
        if (built.containsKey(ClientForm.DETAILS)) {
            checklist.show(clients.checklist(client.id()));
        }
    }

    private void saveFromKeyboard() {
        if (hasUnsavedChanges()) {
            save();
        }
    }

    private boolean save() {
        Optional<ClientUpdate> update = form.write();
        if (update.isEmpty()) {
            form.firstInvalidField().ifPresent(this::showField);
            notify("Some fields need your attention before saving.", NotificationVariant.LUMO_ERROR);
            return false;
        }
        try {
            client = clients.update(client.id(), client.version(), update.get());
            form.read(client);
            showHeader();
            draftChanged();
            notify("Saved.", NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (InvalidInputException e) {
            if (form.knowsField(e.field())) {
                form.showError(e);
                showField(e.field());
            }
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            return false;
        } catch (ConcurrentEditException e) {
            ConfirmDialog conflict = new ConfirmDialog(
                    "Someone else saved this client", e.getMessage(), "Reload the latest version", reload -> {
                        client = clients.get(client.id());
                        render();
                        select(current);
                    });
            conflict.setCancelable(true);
            conflict.setCancelText("Keep my changes in the form");
            conflict.setId("edit-conflict");
            conflict.open();
            return false;
        }
    }

    /** Opens the section that holds a field, and puts the cursor in the field. */
    private void showField(String field) {
        open(form.sectionOf(field));
        form.focus(field);
    }

    private void discard() {
        form.read(client);
        draftChanged();
    }

    private Component dangerZone() {
        Button delete = new Button(
                "Delete client",
                VaadinIcon.TRASH.create(),
                event -> new DeleteClientDialog(client, typed -> {
                            clients.delete(client.id(), typed);
                            form.read(client);
                            getUI().ifPresent(ui -> ui.navigate("teams/" + client.teamId() + "/clients"));
                        })
                        .open());
        delete.setId("delete-client");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Paragraph warning = new Paragraph("Deleting stops the client working in the sandbox and in production. "
                + "Its history stays in the audit log.");
        warning.addClassName("portal-muted");
        Div zone = new Div(new H2("Delete"), warning, delete);
        zone.getStyle().set("margin-top", "var(--lumo-space-xl)");
        return zone;
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(
                        message,
                        variant == NotificationVariant.LUMO_ERROR ? 6000 : 3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(variant);
    }

    /** One section of the page: its address, its label, its place, and how it is built for a client. */
    private record PageSection(String slug, String label, int order, Function<ClientDetails, Component> create) {}
}
