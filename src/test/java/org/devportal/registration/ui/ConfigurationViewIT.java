package org.devportal.registration.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.registration.ClientConfigurationService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.TestClients;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConfigurationViewIT extends ViewTest {

    @Autowired
    ClientService clients;

    @Autowired
    ClientConfigurationService configurations;

    private final String member = "config-ui-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void aTeamWithAClient() {
        team = signInWithANewTeam(member, "Config UI", Role.DEVELOPER);
        ClientDetails registered =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", TestClients.REDIRECT_URI);
        client = clients.update(
                registered.id(), registered.version(), TestClients.complete().build());
    }

    @Test
    void the_client_page_offers_the_export_as_a_json_download() {
        ui().navigate("clients/" + client.id() + "/configuration");

        Anchor export = _get(Anchor.class, spec -> spec.withId("export-configuration"));
        assertThat(export.getHref()).isNotBlank();
        assertThat(export.isDownload()).isTrue();
    }

    @Test
    void the_apply_dialog_shows_each_change_and_changes_nothing_until_confirmed() {
        ui().navigate("clients/" + client.id());
        ui().navigate("clients/" + client.id() + "/configuration");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("apply-configuration")));
        String document = configurations
                .export(client.id())
                .replace("\"Ledger Sync\"", "\"Ledger Books\"")
                .replace(
                        "\"https://ledger.example.com/callback\"",
                        "\"https://ledger.example.com/callback\", \"https://books.example.com/cb\"");
        TextArea text = _get(TextArea.class, spec -> spec.withId("configuration-document"));
        HasValueUtilsKt._setValue(text, document);
        Button confirm = _get(Button.class, spec -> spec.withId("configuration-confirm"));
        assertThat(confirm.isEnabled()).as("only after a preview").isFalse();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-preview")));

        Div diff = _get(Div.class, spec -> spec.withId("configuration-diff"));
        assertThat(_find(diff, ListItem.class).stream()
                        .map(item -> item.getElement().getAttribute("data-field")))
                .containsExactly("client_name", "redirect_uris");
        assertThat(diff.getElement().getTextRecursively())
                .contains("Ledger Sync → Ledger Books")
                .contains("+ https://books.example.com/cb");
        assertThat(clients.get(client.id()).name()).as("nothing changed yet").isEqualTo("Ledger Sync");
        assertThat(confirm.isEnabled()).isTrue();

        ButtonKt._click(confirm);

        assertThat(_find(Dialog.class, spec -> spec.withId("configuration-dialog")))
                .isEmpty();
        assertThat(clients.get(client.id()).name()).isEqualTo("Ledger Books");
        ui().navigate("clients/" + client.id() + "/details");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue())
                .as("the form shows the applied values")
                .isEqualTo("Ledger Books");
    }

    @Test
    void a_document_edited_after_its_preview_must_be_previewed_again() {
        ui().navigate("clients/" + client.id() + "/configuration");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("apply-configuration")));
        TextArea text = _get(TextArea.class, spec -> spec.withId("configuration-document"));
        HasValueUtilsKt._setValue(text, configurations.export(client.id()).replace("\"Ledger Sync\"", "\"A\""));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-preview")));
        Button confirm = _get(Button.class, spec -> spec.withId("configuration-confirm"));
        assertThat(confirm.isEnabled()).isTrue();

        HasValueUtilsKt._setValue(text, text.getValue().replace("\"A\"", "\"B\""));

        assertThat(confirm.isEnabled()).isFalse();
    }

    @Test
    void a_refused_document_is_explained_by_its_field_and_the_dialog_keeps_it() {
        ui().navigate("clients/" + client.id() + "/configuration");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("apply-configuration")));
        String document = configurations
                .export(client.id())
                .replace("\"https://ledger.example.com/callback\"", "\"https://ledger.example.com/cb#fragment\"");
        TextArea text = _get(TextArea.class, spec -> spec.withId("configuration-document"));
        HasValueUtilsKt._setValue(text, document);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-preview")));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-confirm")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("configuration-error"))
                        .getText())
                .startsWith("redirect_uris: ");
        assertThat(text.getValue()).isEqualTo(document);
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());
    }

    @Test
    void text_that_is_not_json_is_refused_at_the_preview() {
        ui().navigate("clients/" + client.id() + "/configuration");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("apply-configuration")));
        HasValueUtilsKt._setValue(
                _get(TextArea.class, spec -> spec.withId("configuration-document")), "client_name: Ledger");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-preview")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("configuration-error"))
                        .getText())
                .startsWith("The body is not valid JSON");
        assertThat(_get(Button.class, spec -> spec.withId("configuration-confirm"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void the_client_list_imports_a_document_as_a_new_client_and_opens_it() {
        String document = configurations.export(client.id()).replace("\"Ledger Sync\"", "\"Ledger Sync copy\"");
        ui().navigate("teams/" + team.id() + "/clients");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("import-client")));
        HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("configuration-document")), document);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-preview")));
        assertThat(clients.count(team.id(), "")).as("nothing registered yet").isEqualTo(1);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("configuration-confirm")));

        assertThat(clients.count(team.id(), "")).isEqualTo(2);
        assertThat(ui().getInternals().getActiveViewLocation().getPath()).startsWith("clients/");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue())
                .isEqualTo("Ledger Sync copy");
    }
}
