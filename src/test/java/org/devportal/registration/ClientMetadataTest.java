package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;
import org.junit.jupiter.api.Test;

class ClientMetadataTest {

    private static ClientMetadata parse(String json) {
        return ClientMetadata.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ClientUpdate update(String json) {
        return parse(json).toClientUpdate();
    }

    private static void refused(String json, String error, String description) {
        assertThatThrownBy(() -> update(json)).isInstanceOfSatisfying(RegistrationException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.description()).contains(description);
        });
    }

    @Test
    void every_supported_field_maps_to_the_field_of_the_client_page() {
        ClientUpdate update = update("""
                {"client_name": "Ledger Sync",
                 "redirect_uris": ["https://ledger.example.com/cb", "http://localhost:8080/cb"],
                 "scope": "accounts:read vendors:write",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "grant_types": ["authorization_code", "refresh_token"],
                 "response_types": ["code"],
                 "contacts": ["ops@ledger.example.com"],
                 "client_uri": "https://ledger.example.com",
                 "tos_uri": "https://ledger.example.com/terms",
                 "policy_uri": "https://ledger.example.com/privacy",
                 "initiation_uri": "https://ledger.example.com/connect",
                 "settings_uri": "https://ledger.example.com/settings",
                 "subject_type_preference": "organisation"}
                """);

        assertThat(update.name()).isEqualTo("Ledger Sync");
        assertThat(update.redirectUris()).containsExactly("https://ledger.example.com/cb", "http://localhost:8080/cb");
        assertThat(update.scopes()).containsExactly("accounts:read", "vendors:write");
        assertThat(update.clientType()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(update.contacts()).containsExactly("ops@ledger.example.com");
        assertThat(update.clientUri()).isEqualTo("https://ledger.example.com");
        assertThat(update.tosUri()).isEqualTo("https://ledger.example.com/terms");
        assertThat(update.policyUri()).isEqualTo("https://ledger.example.com/privacy");
        assertThat(update.initiationUri()).isEqualTo("https://ledger.example.com/connect");
        assertThat(update.settingsUri()).isEqualTo("https://ledger.example.com/settings");
        assertThat(update.subjectType()).isEqualTo(SubjectTypePreference.ORGANISATION);
    }

    @Test
    void none_registers_a_public_client_and_a_missing_method_a_confidential_one() {
        assertThat(update("{\"token_endpoint_auth_method\": \"none\"}").clientType())
                .isEqualTo(ClientType.PUBLIC);
        assertThat(update("{}").clientType()).isEqualTo(ClientType.CONFIDENTIAL);
    }

    @Test
    void other_authentication_methods_are_refused() {
        refused(
                "{\"token_endpoint_auth_method\": \"client_secret_post\"}",
                "invalid_client_metadata",
                "token_endpoint_auth_method: use client_secret_basic");
        refused(
                "{\"token_endpoint_auth_method\": \"private_key_jwt\"}",
                "invalid_client_metadata",
                "token_endpoint_auth_method");
    }

    @Test
    void only_the_code_flow_with_refresh_tokens_is_accepted() {
        assertThat(update("{\"grant_types\": [\"authorization_code\"], \"response_types\": [\"code\"]}")
                        .name())
                .isNull();
        refused(
                "{\"grant_types\": [\"authorization_code\", \"implicit\"]}",
                "invalid_client_metadata",
                "grant_types: only authorization_code and refresh_token are supported, not \"implicit\"");
        refused(
                "{\"grant_types\": [\"refresh_token\"]}",
                "invalid_client_metadata",
                "grant_types must include authorization_code");
        refused("{\"grant_types\": []}", "invalid_client_metadata", "grant_types must include authorization_code");
        refused("{\"response_types\": [\"token\"]}", "invalid_client_metadata", "response_types: only [\"code\"]");
    }

    @Test
    void scopes_are_separated_by_single_spaces_and_listed_once() {
        refused(
                "{\"scope\": \"accounts:read  vendors:read\"}",
                "invalid_client_metadata",
                "scope: separate scope names");
        refused("{\"scope\": \" accounts:read\"}", "invalid_client_metadata", "scope: separate scope names");
        refused(
                "{\"scope\": \"accounts:read accounts:read\"}",
                "invalid_client_metadata",
                "scope: \"accounts:read\" is listed twice");
        assertThat(update("{}").scopes()).isEmpty();
    }

    @Test
    void the_subject_type_preference_is_read_in_any_letter_case_and_is_optional() {
        assertThat(update("{\"subject_type_preference\": \"Company\"}").subjectType())
                .isEqualTo(SubjectTypePreference.COMPANY);
        assertThat(update("{\"subject_type_preference\": \"NONE\"}").subjectType())
                .isEqualTo(SubjectTypePreference.NONE);
        assertThat(update("{}").subjectType()).isNull();
        refused(
                "{\"subject_type_preference\": \"pairwise\"}",
                "invalid_client_metadata",
                "subject_type_preference: use NONE, COMPANY or ORGANISATION");
    }

    @Test
    void unknown_fields_and_the_logo_uri_are_ignored() {
        ClientUpdate update = update("""
                {"client_name": "Ledger", "logo_uri": "https://cdn.example.com/logo.png", "jwks_uri": "https://x.example.com",
                 "software_statement": "eyJ...", "nested": {"deep": [1, 2, {"x": null}]}}
                """);

        assertThat(update.name()).isEqualTo("Ledger");
    }

    @Test
    void null_fields_count_as_absent() {
        ClientUpdate update =
                update("{\"client_name\": null, \"redirect_uris\": null, \"contacts\": null, \"tos_uri\": null}");

        assertThat(update.name()).isNull();
        assertThat(update.redirectUris()).isEmpty();
        assertThat(update.contacts()).isEmpty();
        assertThat(update.tosUri()).isNull();
    }

    @Test
    void a_body_that_is_not_a_json_object_is_refused_with_a_reason() {
        refusedToParse("", "Send the client metadata as a JSON object");
        refusedToParse("[]", "Send the client metadata as a JSON object");
        refusedToParse("\"client\"", "Send the client metadata as a JSON object");
        refusedToParse("{\"client_name\": ", "The body is not valid JSON");
        refusedToParse("{} {}", "The body is not valid JSON");
        refusedToParse("client_name=Ledger", "The body is not valid JSON");
    }

    @Test
    void a_field_sent_twice_is_refused_rather_than_one_of_them_silently_winning() {
        refusedToParse("{\"client_name\": \"A\", \"client_name\": \"B\"}", "each field once");
    }

    @Test
    void known_fields_of_the_wrong_type_are_refused_naming_the_field() {
        refusedToParse("{\"client_name\": 42}", "client_name must be a string");
        refusedToParse(
                "{\"redirect_uris\": \"https://a.example.com/cb\"}", "redirect_uris must be an array of strings");
        refusedToParse(
                "{\"redirect_uris\": [\"https://a.example.com/cb\", 7]}", "redirect_uris must be an array of strings");
        refusedToParse("{\"contacts\": {\"a\": \"b\"}}", "contacts must be an array of strings");
        refusedToParse("{\"scope\": [\"accounts:read\"]}", "scope must be a string");
    }

    @Test
    void a_replacement_carries_the_client_id_and_maybe_the_secret() {
        ClientMetadata metadata = parse("{\"client_id\": \"abc\", \"client_secret\": \"dpsbx_x\"}");

        assertThat(metadata.clientId()).isEqualTo("abc");
        assertThat(metadata.clientSecret()).isEqualTo("dpsbx_x");
        assertThat(metadata.toString()).doesNotContain("dpsbx_x");
    }

    @Test
    void a_redirect_uri_rule_becomes_invalid_redirect_uri_and_names_the_field() {
        RegistrationException e = ClientMetadata.problemOf(new InvalidInputException(
                "redirectUris", "Redirect URI 1: Fragments (#…) are not allowed in redirect URIs"));

        assertThat(e.error()).isEqualTo("invalid_redirect_uri");
        assertThat(e.description())
                .isEqualTo("redirect_uris: Redirect URI 1: Fragments (#…) are not allowed in redirect URIs");
    }

    @Test
    void every_other_rule_becomes_invalid_client_metadata_under_the_protocol_name_of_its_field() {
        assertThat(List.of(
                        ClientMetadata.problemOf(new InvalidInputException("scopes", "x")),
                        ClientMetadata.problemOf(new InvalidInputException("name", "x")),
                        ClientMetadata.problemOf(new InvalidInputException("tosUri", "x")),
                        ClientMetadata.problemOf(new InvalidInputException("contacts", "x")),
                        ClientMetadata.problemOf(new InvalidInputException("status", "In review"))))
                .extracting(RegistrationException::error, RegistrationException::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("invalid_client_metadata", "scope: x"),
                        org.assertj.core.groups.Tuple.tuple("invalid_client_metadata", "client_name: x"),
                        org.assertj.core.groups.Tuple.tuple("invalid_client_metadata", "tos_uri: x"),
                        org.assertj.core.groups.Tuple.tuple("invalid_client_metadata", "contacts: x"),
                        org.assertj.core.groups.Tuple.tuple("invalid_client_metadata", "In review"));
    }

    private static void refusedToParse(String json, String description) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(RegistrationException.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_client_metadata");
            assertThat(e.description()).contains(description);
        });
    }
}
