package org.devportal.clients.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.ui.EmptyState;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientSummary;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.TestClients;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClientViewsIT extends ViewTest {

    @Autowired
    ClientService clients;

    private final String developer = "views-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void signInWithATeam() {
        team = signInWithANewTeam(developer, "Views", Role.DEVELOPER);
    }

    @Test
    void an_empty_team_invites_registering_the_first_client() {
        ui().navigate("teams/" + team.id() + "/clients");

        assertThat(_get(EmptyState.class).getElement().getTextRecursively()).contains("No clients yet");
        assertThat(_get(Button.class, spec -> spec.withId("register-first-client"))
                        .isVisible())
                .isTrue();
    }

    @Test
    void the_wizard_registers_a_web_app_and_opens_its_page() {
        ui().navigate("teams/" + team.id() + "/clients");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("register-first-client")));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<CreateClientDialog.Kind> kind =
                _get(RadioButtonGroup.class, spec -> spec.withId("wizard-kind"));
        ButtonKt._click(next());
        assertThat(kind.isInvalid()).isTrue();
        HasValueUtilsKt._setValue(kind, CreateClientDialog.Kind.WEB_APP);
        ButtonKt._click(next());
        _get(TextField.class, spec -> spec.withId("wizard-name")).setValue("Ledger Sync");
        ButtonKt._click(next());
        _get(TextField.class, spec -> spec.withId("wizard-redirect-uri")).setValue("https://ledger.example.com/cb");
        ButtonKt._click(next());
        TextField clientUri = _get(TextField.class, spec -> spec.withId("wizard-client-uri"));
        ButtonKt._click(next());
        assertThat(clientUri.isInvalid()).isTrue();
        assertThat(clientUri.getErrorMessage())
                .isEqualTo("Client URI is required; enter an address such as https://app.example.com");
        clientUri.setValue("https://ledger.example.com");
        ButtonKt._click(next());
        @SuppressWarnings("unchecked")
        CustomField<Set<String>> scopes = _get(CustomField.class, spec -> spec.withId("wizard-scopes"));
        ButtonKt._click(next());
        assertThat(scopes.isInvalid()).isTrue();
        assertThat(scopes.getErrorMessage()).isEqualTo("Choose at least one scope: the APIs your integration calls");
        assertThat(clients.list(team.id(), "", org.springframework.data.domain.PageRequest.of(0, 5)))
                .isEmpty();
        scopes.setValue(Set.of("accounts:read"));
        ButtonKt._click(next());

        assertThat(_get(H1.class).getText()).isEqualTo("Ledger Sync");
        assertThat(_get(Anchor.class, spec -> spec.withId("back-to-clients")).getHref())
                .isEqualTo("teams/" + team.id() + "/clients");
        assertThat(clients.list(team.id(), "", org.springframework.data.domain.PageRequest.of(0, 5)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.clientType()).isEqualTo(ClientType.CONFIDENTIAL);
                    ClientDetails details = clients.get(c.id());
                    assertThat(details.clientUri()).isEqualTo("https://ledger.example.com");
                    assertThat(details.scopes()).containsExactly("accounts:read");
                });
    }

    @Test
    void the_wizard_explains_a_refused_name_and_redirect_uri_and_warns_about_production() {
        ui().navigate("teams/" + team.id() + "/clients");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("register-first-client")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<CreateClientDialog.Kind> kind =
                _get(RadioButtonGroup.class, spec -> spec.withId("wizard-kind"));
        HasValueUtilsKt._setValue(kind, CreateClientDialog.Kind.SPA);
        ButtonKt._click(next());

        TextField name = _get(TextField.class, spec -> spec.withId("wizard-name"));
        assertThat(name.getHelperText()).contains("Do not use \"Pleo\" in it");
        name.setValue("Pleo Companion");
        ButtonKt._click(next());
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Do not use Pleo branding");

        name.setValue("Companion");
        ButtonKt._click(next());
        TextField redirect = _get(TextField.class, spec -> spec.withId("wizard-redirect-uri"));
        redirect.setValue("https://companion.example.com/cb#done");
        assertThat(redirect.isInvalid()).isTrue();
        assertThat(redirect.getErrorMessage()).startsWith("Fragments (#…) are not allowed in redirect URIs");

        redirect.setValue("http://localhost:5173/callback");
        assertThat(redirect.isInvalid()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("wizard-redirect-warning"))
                        .getText())
                .startsWith("This URI works in the sandbox but will be refused for production");
    }

    @Test
    void the_list_shows_the_teams_clients_and_searches_them() {
        clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        clients.register(team.id(), ClientType.CONFIDENTIAL, "Beta", "https://b.example.com/cb");

        ui().navigate("teams/" + team.id() + "/clients");
        @SuppressWarnings("unchecked")
        Grid<ClientSummary> grid = _get(Grid.class, spec -> spec.withId("clients"));
        assertThat(GridKt._size(grid)).isEqualTo(2);

        _get(TextField.class, spec -> spec.withId("client-search")).setValue("bet");

        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).name()).isEqualTo("Beta");
    }

    @Test
    void the_list_shows_each_clients_scopes_and_status_and_a_click_opens_the_client() {
        ClientDetails alpha = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        clients.update(
                alpha.id(),
                alpha.version(),
                TestClients.from(alpha)
                        .withScopes("vendors:read", "accounts:read")
                        .build());
        clients.register(team.id(), ClientType.CONFIDENTIAL, "Beta", "https://b.example.com/cb");

        ui().navigate("teams/" + team.id() + "/clients");
        @SuppressWarnings("unchecked")
        Grid<ClientSummary> grid = _get(Grid.class, spec -> spec.withId("clients"));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("name"), SortDirection.ASCENDING)));

        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid.getColumnByKey("scopes"), GridKt._get(grid, 0)))
                .isEqualTo("accounts:read, vendors:read");
        assertThat(GridKt._getFormatted(grid.getColumnByKey("scopes"), GridKt._get(grid, 1)))
                .isEqualTo("None yet");
        assertThat(GridKt._get(grid, 1).status()).isEqualTo(ClientStatus.DRAFT);

        GridKt._clickItem(grid, 1);

        assertThat(_get(H1.class).getText()).contains("Beta");
    }

    @Test
    void the_redirect_uri_editor_shows_each_rows_problem_and_production_warning_as_typed() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id() + "/redirect-uris");

        StringListField editor = _get(StringListField.class, spec -> spec.withId("redirectUris"));
        TextField row = editor.rowFields().getFirst();
        row.setValue("https://a.example.com/cb?state=1");
        assertThat(row.isInvalid()).isTrue();
        assertThat(row.getErrorMessage()).contains("state");

        row.setValue("http://example.com/cb");
        assertThat(row.isInvalid()).isTrue();
        assertThat(row.getErrorMessage()).contains("http");

        row.setValue("http://127.0.0.1:8080/cb");
        assertThat(row.isInvalid()).isFalse();
        assertThat(editor.getElement().getTextRecursively() + warnings(editor)).contains("refused for production");
    }

    @Test
    void saving_a_client_edited_by_someone_else_meanwhile_offers_to_reload_and_keeps_the_typed_values() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id());
        TextField name = _get(TextField.class, spec -> spec.withId("name"));
        name.setValue("Alpha (mine)");
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withName("Alpha (theirs)")
                        .withScopes("users:read")
                        .build());
        ui().navigate("clients/" + client.id() + "/scopes");
        _get(ScopePicker.class).setValue(Set.of("vendors:read"));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        assertThat(_find(ConfirmDialog.class, spec -> spec.withId("edit-conflict")))
                .hasSize(1);
        assertThat(name.getValue()).isEqualTo("Alpha (mine)");
        assertThat(clients.get(client.id()).name()).isEqualTo("Alpha (theirs)");
    }

    @Test
    void a_valid_edit_is_saved_and_shows_in_the_checklist() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id());
        _get(TextField.class, spec -> spec.withId("tosUri")).setValue("https://a.example.com/terms");
        ui().navigate("clients/" + client.id() + "/scopes");
        _get(ScopePicker.class).setValue(Set.of("vendors:read", "accounts:read"));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));
        ui().navigate("clients/" + client.id() + "/details");

        ClientDetails saved = clients.get(client.id());
        assertThat(saved.tosUri()).isEqualTo("https://a.example.com/terms");
        assertThat(saved.scopes()).containsExactlyInAnyOrder("vendors:read", "accounts:read");
        assertThat(_get(ChecklistPanel.class).getElement().getTextRecursively())
                .doesNotContain("Terms of service URI —");
    }

    @Test
    void openid_is_offered_under_identity_with_what_it_reveals_and_is_saved_like_any_scope() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id() + "/scopes");
        ScopePicker picker = _get(ScopePicker.class);
        assertThat(picker.getElement().getTextRecursively())
                .contains("Identity API", "openid", "an identifier that stays the same");
        picker.setValue(Set.of("openid", "vendors:read"));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        assertThat(clients.get(client.id()).scopes()).containsExactlyInAnyOrder("openid", "vendors:read");
    }

    @Test
    void a_client_of_another_team_is_not_found_by_url() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");

        signInAs("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        ui().navigate("clients/" + client.id());

        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        ui().navigate("teams/" + team.id() + "/clients");
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }

    @Test
    void leaving_with_unsaved_changes_asks_first() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id());
        _get(TextField.class, spec -> spec.withId("name")).setValue("Changed");

        ui().navigate("teams");

        assertThat(_find(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")))
                .hasSize(1);
        assertThat(_get(H1.class).getText()).isEqualTo("Alpha");
    }

    @Test
    void deleting_asks_for_the_name_and_returns_to_the_list() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("delete-client")));
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-delete"));
        assertThat(confirm.isEnabled()).isFalse();
        _get(TextField.class, spec -> spec.withId("delete-confirmation")).setValue("Alpha");
        ButtonKt._click(confirm);

        assertThat(_get(EmptyState.class).getElement().getTextRecursively()).contains("No clients yet");
    }

    @Test
    void a_sections_address_opens_that_section_and_only_that_one() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");

        ui().navigate("clients/" + client.id() + "/scopes");

        assertThat(_get(ClientView.class).currentSection()).isEqualTo("scopes");
        assertThat(_get(Tabs.class, spec -> spec.withId("client-sections"))
                        .getSelectedTab()
                        .getId())
                .contains("section-scopes");
        assertThat(_find(ScopePicker.class)).hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withId("name"))).isEmpty();
    }

    @Test
    void the_details_leave_the_redirect_uris_and_scopes_unbuilt_and_a_save_keeps_their_saved_values() {
        ClientDetails client = aClientWithAScope();
        ui().navigate("clients/" + client.id());
        assertThat(_find(ScopePicker.class)).isEmpty();
        assertThat(_find(StringListField.class, spec -> spec.withId("redirectUris")))
                .isEmpty();

        _get(TextField.class, spec -> spec.withId("name")).setValue("Alpha Books");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        ClientDetails saved = clients.get(client.id());
        assertThat(saved.name()).isEqualTo("Alpha Books");
        assertThat(saved.scopes()).containsExactly("vendors:read");
        assertThat(saved.redirectUris()).extracting(RedirectUri::value).containsExactly("https://a.example.com/cb");
        ui().navigate("clients/" + client.id() + "/scopes");
        assertThat(_get(ScopePicker.class).getValue()).containsExactly("vendors:read");
        assertThat(_find(Div.class, spec -> spec.withId("save-bar")))
                .as("opening a section is no change")
                .isEmpty();
    }

    @Test
    void an_unknown_section_address_opens_the_details() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");

        ui().navigate("clients/" + client.id() + "/no-such-section");

        assertThat(_get(ClientView.class).currentSection()).isEqualTo("details");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue())
                .isEqualTo("Alpha");
    }

    @Test
    void a_section_is_built_the_first_time_it_is_opened_and_its_address_follows_the_tab() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id());
        ClientView view = _get(ClientView.class);
        assertThat(view.isBuilt("details")).isTrue();
        assertThat(view.isBuilt("history")).isFalse();
        assertThat(view.isBuilt("credentials")).isFalse();

        Tabs tabs = _get(Tabs.class, spec -> spec.withId("client-sections"));
        tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("section-history")));

        assertThat(view.isBuilt("history")).isTrue();
        assertThat(view.isBuilt("credentials")).isFalse();
        assertThat(_get(ClientView.class)).as("the same page, not a new one").isSameAs(view);
        assertThat(ui().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("clients/" + client.id() + "/history");
        assertThat(view.currentSection()).isEqualTo("history");
    }

    @Test
    void the_save_bar_appears_with_a_change_and_goes_once_it_is_saved() {
        ClientDetails client = aClientWithAScope();
        ui().navigate("clients/" + client.id());
        assertThat(_find(Div.class, spec -> spec.withId("save-bar"))).isEmpty();

        _get(TextField.class, spec -> spec.withId("tosUri")).setValue("https://a.example.com/terms");
        assertThat(_get(Div.class, spec -> spec.withId("save-bar")).getElement().getTextRecursively())
                .contains("You have unsaved changes.");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        assertThat(_find(Div.class, spec -> spec.withId("save-bar"))).isEmpty();
        assertThat(clients.get(client.id()).tosUri()).isEqualTo("https://a.example.com/terms");
    }

    @Test
    void unsaved_changes_stay_in_the_form_while_the_user_looks_at_other_sections() {
        ClientDetails client = aClientWithAScope();
        ui().navigate("clients/" + client.id());
        _get(TextField.class, spec -> spec.withId("name")).setValue("Alpha Books");

        ui().navigate("clients/" + client.id() + "/credentials");
        assertThat(_get(Div.class, spec -> spec.withId("save-bar")).isVisible())
                .as("the bar says so on every section")
                .isTrue();
        ui().navigate("clients/" + client.id() + "/details");

        assertThat(_find(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")))
                .isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue())
                .isEqualTo("Alpha Books");
        assertThat(clients.get(client.id()).name()).isEqualTo("Alpha");
    }

    @Test
    void a_refused_save_opens_the_section_of_the_first_refused_field_and_marks_it() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id() + "/scopes");
        _get(ScopePicker.class).setValue(Set.of());
        ui().navigate("clients/" + client.id() + "/details");
        _get(TextField.class, spec -> spec.withId("tosUri")).setValue("https://a.example.com/terms");
        ui().navigate("clients/" + client.id() + "/redirect-uris");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        assertThat(_get(ClientView.class).currentSection()).isEqualTo("scopes");
        assertThat(_get(ScopePicker.class).isInvalid()).isTrue();
        assertThat(_get(ScopePicker.class).getErrorMessage()).startsWith("Choose at least one scope");
        assertThat(clients.get(client.id()).tosUri()).as("nothing saved").isNull();
    }

    @Test
    void a_refused_save_opens_the_details_for_a_field_there_before_a_later_section() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        ui().navigate("clients/" + client.id() + "/scopes");
        _get(ScopePicker.class).setValue(Set.of());
        ui().navigate("clients/" + client.id() + "/details");
        _get(TextField.class, spec -> spec.withId("clientUri")).setValue("not an address");
        ui().navigate("clients/" + client.id() + "/logo");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-client")));

        assertThat(_get(ClientView.class).currentSection()).isEqualTo("details");
        assertThat(_get(TextField.class, spec -> spec.withId("clientUri")).isInvalid())
                .isTrue();
    }

    @Test
    void submitting_for_review_with_unsaved_changes_saves_them_first_when_the_user_agrees() {
        ClientDetails client = aClientWithAScope();
        ui().navigate("clients/" + client.id());
        _get(TextField.class, spec -> spec.withId("tosUri")).setValue("https://a.example.com/terms");
        ui().navigate("clients/" + client.id() + "/review");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("submit-review")));

        ConfirmDialog saveFirst = _get(ConfirmDialog.class, spec -> spec.withId("save-before-submit"));
        assertThat(clients.get(client.id()).tosUri())
                .as("nothing saved before the user agrees")
                .isNull();
        ConfirmDialogKt._fireConfirm(saveFirst);

        assertThat(clients.get(client.id()).tosUri()).isEqualTo("https://a.example.com/terms");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("review-problems"))
                        .getElement()
                        .getTextRecursively())
                .as("submitted after saving: the review refuses what is still missing, not the saved terms")
                .contains("Logo is required")
                .doesNotContain("Terms of service URI is required");
    }

    private ClientDetails aClientWithAScope() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Alpha", "https://a.example.com/cb");
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withScopes("vendors:read").build());
    }

    private static Button next() {
        return _get(Button.class, spec -> spec.withId("wizard-next"));
    }

    private static String warnings(StringListField editor) {
        return _find(Span.class).stream()
                .filter(span -> span.hasClassName("portal-warning"))
                .map(Span::getText)
                .reduce("", String::concat);
    }
}
