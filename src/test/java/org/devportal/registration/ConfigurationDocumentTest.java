package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The configuration document: a client exported, read back, and compared with the client it would change. */
class ConfigurationDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private static ClientDetails client(boolean pkceRequired, String pkceReason) {
        return new ClientDetails(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Ledger",
                "https://ledger.example.com",
                "b".repeat(64),
                "https://ledger.example.com/terms",
                null,
                List.of("ops@ledger.example.com", "dev@ledger.example.com"),
                null,
                "https://ledger.example.com/settings",
                List.of(RedirectUri.of("https://ledger.example.com/cb"), RedirectUri.of("http://localhost:8080/cb")),
                new LinkedHashSet<>(List.of("vendors:read", "accounts:read")),
                ClientType.CONFIDENTIAL,
                pkceRequired,
                pkceReason,
                SubjectTypePreference.COMPANY,
                ClientStatus.DRAFT,
                3,
                CREATED,
                "Ada",
                CREATED,
                "Ada",
                CREATED,
                null,
                null,
                false,
                null);
    }

    private static ClientUpdate read(Map<String, Object> document) {
        return ClientMetadata.parse(JSON.writeValueAsBytes(document)).toClientUpdate();
    }

    private static ClientUpdate read(String document) {
        return ClientMetadata.parse(document.getBytes(StandardCharsets.UTF_8)).toClientUpdate();
    }

    @Test
    void an_exported_client_read_back_changes_nothing() {
        ClientDetails client = client(false, "Our appliance firmware cannot send a code challenge");

        ClientUpdate readBack = read(ClientInformation.metadata(client, "https://portal.example.com"));

        assertThat(ConfigurationDiff.between(client, readBack).changes()).isEmpty();
        assertThat(readBack.pkceException()).isTrue();
        assertThat(readBack.pkceExceptionReason()).isEqualTo("Our appliance firmware cannot send a code challenge");
    }

    @Test
    void the_export_holds_no_identifier_secret_or_token_and_keeps_the_portal_fields_in_their_own_object() {
        var document = ClientInformation.metadata(client(true, null), "https://portal.example.com");

        assertThat(document)
                .doesNotContainKeys(
                        "client_id",
                        "client_id_issued_at",
                        "client_secret",
                        "client_secret_expires_at",
                        "registration_access_token",
                        "registration_client_uri")
                .containsEntry("client_name", "Ledger")
                .containsEntry("scope", "accounts:read vendors:read")
                .containsEntry("portal", Map.of("pkce_required", true));
    }

    @Test
    void a_document_without_the_portal_object_requires_pkce() {
        ClientUpdate update = read("""
                {"client_name": "Ledger", "redirect_uris": ["https://ledger.example.com/cb"], "scope": "accounts:read"}
                """);

        assertThat(update.pkceException()).isFalse();
        assertThat(update.pkceExceptionReason()).isNull();
    }

    @Test
    void a_portal_object_of_the_wrong_shape_is_refused_by_its_name() {
        assertThatThrownBy(() -> read("{\"portal\": [true]}"))
                .isInstanceOf(RegistrationException.class)
                .hasMessage("portal must be a JSON object");
        assertThatThrownBy(() -> read("{\"portal\": {\"pkce_required\": \"no\"}}"))
                .isInstanceOf(RegistrationException.class)
                .hasMessage("portal.pkce_required must be true or false");
        assertThatThrownBy(() -> read("{\"portal\": {\"pkce_required\": false, \"pkce_exception_reason\": 4}}"))
                .isInstanceOf(RegistrationException.class)
                .hasMessage("portal.pkce_exception_reason must be a string");
    }

    @Test
    void client_page_fields_are_named_as_the_document_names_them() {
        assertThat(ClientMetadata.fieldNameOf("redirectUris")).isEqualTo("redirect_uris");
        assertThat(ClientMetadata.fieldNameOf("scopes")).isEqualTo("scope");
        assertThat(ClientMetadata.fieldNameOf("clientType")).isEqualTo("token_endpoint_auth_method");
        assertThat(ClientMetadata.fieldNameOf("pkce")).isEqualTo("portal.pkce_required");
        assertThat(ClientMetadata.fieldNameOf("pkceExceptionReason")).isEqualTo("portal.pkce_exception_reason");
        assertThat(ClientMetadata.fieldNameOf("status")).isNull();
    }

    @Test
    void the_diff_shows_each_changed_value_old_and_new_and_the_entries_a_list_gains_and_loses() {
        ClientDetails client = client(true, null);
        ClientUpdate wanted = read("""
                {"client_name": "Ledger Sync",
                 "client_uri": "https://ledger.example.com",
                 "tos_uri": "https://ledger.example.com/terms",
                 "policy_uri": "https://ledger.example.com/privacy",
                 "settings_uri": "https://ledger.example.com/settings",
                 "contacts": ["ops@ledger.example.com", "dev@ledger.example.com"],
                 "redirect_uris": ["https://ledger.example.com/cb", "https://ledger.example.com/cb2"],
                 "scope": "accounts:read",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "subject_type_preference": "COMPANY"}
                """);

        var changes = ConfigurationDiff.between(client, wanted).changes();

        assertThat(changes)
                .extracting(ConfigurationDiff.FieldDiff::field)
                .containsExactly("client_name", "policy_uri", "redirect_uris", "scope");
        assertThat(changes.get(0).before()).isEqualTo("Ledger");
        assertThat(changes.get(0).after()).isEqualTo("Ledger Sync");
        assertThat(changes.get(1).before()).isEqualTo(ConfigurationDiff.NOT_SET);
        assertThat(changes.get(1).after()).isEqualTo("https://ledger.example.com/privacy");
        assertThat(changes.get(2).added()).containsExactly("https://ledger.example.com/cb2");
        assertThat(changes.get(2).removed()).containsExactly("http://localhost:8080/cb");
        assertThat(changes.get(3).added()).isEmpty();
        assertThat(changes.get(3).removed()).containsExactly("vendors:read");
    }

    @Test
    void asking_for_a_pkce_exception_shows_both_the_setting_and_the_reason() {
        ClientUpdate wanted = read("""
                {"client_name": "Ledger", "client_uri": "https://ledger.example.com",
                 "tos_uri": "https://ledger.example.com/terms",
                 "settings_uri": "https://ledger.example.com/settings",
                 "contacts": ["ops@ledger.example.com", "dev@ledger.example.com"],
                 "redirect_uris": ["https://ledger.example.com/cb", "http://localhost:8080/cb"],
                 "scope": "accounts:read vendors:read", "subject_type_preference": "COMPANY",
                 "portal": {"pkce_required": false, "pkce_exception_reason": "Legacy SDK"}}
                """);

        var changes = ConfigurationDiff.between(client(true, null), wanted).changes();

        assertThat(changes)
                .extracting(ConfigurationDiff.FieldDiff::field, ConfigurationDiff.FieldDiff::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("portal.pkce_required", "false"),
                        org.assertj.core.groups.Tuple.tuple("portal.pkce_exception_reason", "Legacy SDK"));
    }

    @Test
    void a_new_client_lists_every_field_the_document_sets() {
        ClientUpdate wanted = read("""
                {"client_name": "Ledger", "redirect_uris": ["https://ledger.example.com/cb"],
                 "scope": "accounts:read", "token_endpoint_auth_method": "none"}
                """);

        var changes = ConfigurationDiff.ofNewClient(wanted).changes();

        assertThat(changes)
                .extracting(ConfigurationDiff.FieldDiff::field)
                .containsExactly("client_name", "redirect_uris", "scope", "token_endpoint_auth_method");
        assertThat(changes.get(1).added()).containsExactly("https://ledger.example.com/cb");
        assertThat(changes.get(3).after()).isEqualTo("none");
    }
}
