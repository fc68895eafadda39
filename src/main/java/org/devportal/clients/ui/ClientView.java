package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * A client's page: its details in three sections with the completeness checklist, and the tabs other modules add.
 * Unsaved changes are kept on failure and confirmed before leaving.
 */
@Route("clients/:clientId")
@PageTitle("Client")
@RolesAllowed("DEVELOPER")
final class ClientView extends Div implements BeforeEnterObserver, BeforeLeaveObserver {

    private final ClientService clients;
    private final TeamService teams;
    private final ClientRules rules;
    private final ScopeCatalogue catalogue;
    private final List<ClientPageTab> extraTabs;
    private final List<ClientPageSection> sections;
    private final H1 title = new H1();
    private final Span status = new Span();
    private final Paragraph identity = new Paragraph();
    private final Anchor back = new Anchor();
    private final ChecklistPanel checklist = new ChecklistPanel();
    private final Div content = new Div();
    private final List<ClientDraftListener> draftListeners = new ArrayList<>();
    private ClientForm form;
    private ClientDetails client;

    ClientView(
            ClientService clients,
            TeamService teams,
            ClientRules rules,
            ScopeCatalogue catalogue,
            List<ClientPageTab> extraTabs,
            List<ClientPageSection> sections) {
        this.clients = clients;
        this.teams = teams;
        this.rules = rules;
        this.catalogue = catalogue;
        this.extraTabs = extraTabs.stream()
                .sorted(Comparator.comparingInt(ClientPageTab::order))
                .toList();
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ClientPageSection::order))
                .toList();
        addClassName("portal-page");
        identity.addClassName("portal-muted");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        back.setId("back-to-clients");
        add(back, header, identity, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            client = clients.get(
                    UUID.fromString(event.getRouteParameters().get("clientId").orElse("")));
        } catch (IllegalArgumentException | ClientNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (form == null || !form.hasChanges()) {
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

    private void render() {
        content.removeAll();
        showHeader();
        form = new ClientForm(rules, catalogue.available());
        form.read(client);
        form.addDraftListener(this::draftChanged);
        form.setReadOnly(!client.status().editable());
        Button save = new Button("Save changes", VaadinIcon.CHECK.create(), event -> save());
        save.setId("save-client");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(client.status().editable());
        Button discard = new Button("Discard changes", event -> form.read(client));
        discard.setId("discard-changes");
        HorizontalLayout actions = new HorizontalLayout(save, discard);
        Div details = new Div(checklist);
        draftListeners.clear();
        sections.forEach(section -> {
            Component created = section.create(client, this::clientChangedElsewhere);
            if (created instanceof ClientDraftListener listener) {
                draftListeners.add(listener);
            }
            details.add(created);
        });
        details.add(form, actions, dangerZone());
        draftChanged();
        TabSheet tabs = new TabSheet();
        tabs.setId("client-tabs");
        tabs.setWidthFull();
        tabs.add("Details", details);
        extraTabs.forEach(tab -> tabs.add(tab.label(), new LazyTab(() -> tab.create(client.id()))));
        content.add(tabs);
    }

    /** Another section changed the client: take its new version, keep the form as typed. */
    private void clientChangedElsewhere() {
        ClientDetails before = client;
        client = clients.get(client.id());
        // A section that changed the fields themselves, such as an applied configuration document, replaces what
        // the form shows; a logo or a credential leaves what the user is typing alone.
        if (!ClientUpdate.of(before).equals(ClientUpdate.of(client))) {
            form.read(client);
        }
        // A lifecycle step (submitted, withdrawn, approved) changes what the whole page offers; other changes,
        // such as a new logo, only the header, so that unsaved edits in the form survive them.
        if (before.status() != client.status()
                || before.approvedForProduction() != client.approvedForProduction()
                || before.unapprovedChanges() != client.unapprovedChanges()) {
            render();
        } else {
            showHeader();
            draftChanged();
        }
    }

    /** Tells the sections that follow the form what it holds now. */
    private void draftChanged() {
        if (form == null) {
            return;
        }
        ClientUpdate draft = form.draft();
        draftListeners.forEach(listener -> listener.draftChanged(client, draft));
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
        checklist.show(clients.checklist(client.id()));
    }

    private void save() {
        Optional<ClientUpdate> update = form.write();
        if (update.isEmpty()) {
            notify("Some fields need your attention before saving.", NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            client = clients.update(client.id(), client.version(), update.get());
            form.read(client);
            showHeader();
            draftChanged();
            notify("Saved.", NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            if (form.knowsField(e.field())) {
                form.showError(e);
            }
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        } catch (ConcurrentEditException e) {
            ConfirmDialog conflict = new ConfirmDialog(
                    "Someone else saved this client", e.getMessage(), "Reload the latest version", reload -> {
                        client = clients.get(client.id());
                        render();
                    });
            conflict.setCancelable(true);
            conflict.setCancelText("Keep my changes in the form");
            conflict.setId("edit-conflict");
            conflict.open();
        }
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

    /** A tab whose content is created the first time it is shown. */
    private static final class LazyTab extends Div {
        LazyTab(java.util.function.Supplier<Component> content) {
            addAttachListener(event -> {
                if (getChildren().findAny().isEmpty()) {
                    add(content.get());
                }
            });
        }
    }
}
