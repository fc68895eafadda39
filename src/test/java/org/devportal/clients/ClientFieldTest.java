package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;

class ClientFieldTest {

    private static final ClientSnapshot CLIENT = new ClientSnapshot(
            "Ledger Sync",
            "https://ledger.example.com",
            null,
            null,
            null,
            List.of("dev@ledger.example.com", "ops@ledger.example.com"),
            null,
            null,
            List.of(RedirectUri.of("https://ledger.example.com/cb"), RedirectUri.of("http://localhost:8080/cb")),
            List.of("vendors:read", "accounts:read"),
            ClientType.PUBLIC,
            false,
            SubjectTypePreference.COMPANY);

    @Test
    void only_contacts_and_the_settings_uri_reach_production_without_review() {
        assertThat(Arrays.stream(ClientField.values()).filter(ClientField::live))
                .containsExactlyInAnyOrder(ClientField.CONTACTS, ClientField.SETTINGS_URI);
        assertThat(Arrays.stream(ClientField.values()).filter(field -> field.live() == field.reviewed()))
                .isEmpty();
    }

    @Test
    void only_redirect_uris_scopes_and_the_client_type_change_the_flow() {
        assertThat(Arrays.stream(ClientField.values()).filter(ClientField::technical))
                .containsExactlyInAnyOrder(ClientField.REDIRECT_URIS, ClientField.SCOPES, ClientField.CLIENT_TYPE);
        assertThat(Arrays.stream(ClientField.values()).filter(ClientField::technical))
                .allMatch(ClientField::reviewed);
    }

    @Test
    void each_field_is_found_by_the_id_the_form_and_field_errors_use() {
        assertThat(ClientField.byId("tosUri")).contains(ClientField.TOS_URI);
        assertThat(ClientField.byId("redirectUris")).contains(ClientField.REDIRECT_URIS);
        assertThat(ClientField.byId("confirmation")).isEmpty();
        assertThat(Arrays.stream(ClientField.values()).map(ClientField::id)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ClientField.values()).map(ClientField::label)).doesNotHaveDuplicates();
    }

    @Test
    void a_value_reads_as_the_history_shows_it() {
        assertThat(ClientField.NAME.textIn(CLIENT)).isEqualTo("Ledger Sync");
        assertThat(ClientField.TOS_URI.textIn(CLIENT)).isNull();
        assertThat(ClientField.CONTACTS.textIn(CLIENT)).isEqualTo("dev@ledger.example.com\nops@ledger.example.com");
        assertThat(ClientField.REDIRECT_URIS.textIn(CLIENT))
                .isEqualTo("https://ledger.example.com/cb\nhttp://localhost:8080/cb");
        assertThat(ClientField.SCOPES.textIn(CLIENT)).isEqualTo("accounts:read vendors:read");
        assertThat(ClientField.CLIENT_TYPE.textIn(CLIENT)).isEqualTo("Single-page, mobile or desktop app");
        assertThat(ClientField.PKCE.textIn(CLIENT)).isEqualTo("Exception (public client)");
        assertThat(ClientField.SUBJECT_TYPE.textIn(CLIENT)).isEqualTo("Company");
    }
}
