package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;

class ClientInformationTest {

    private static final UUID CLIENT_ID = UUID.fromString("0b6f6b8e-2a64-4f53-9b0e-1f1b5d3c2a10");
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private static ClientDetails client(ClientType type, String clientUri, String logoHash) {
        return new ClientDetails(
                UUID.randomUUID(),
                UUID.randomUUID(),
                CLIENT_ID,
                "Ledger",
                clientUri,
                logoHash,
                null,
                null,
                List.of("ops@ledger.example.com"),
                null,
                null,
                List.of(RedirectUri.of("https://ledger.example.com/cb")),
                new LinkedHashSet<>(List.of("accounts:read", "vendors:read")),
                type,
                true,
                null,
                SubjectTypePreference.COMPANY,
                ClientStatus.DRAFT,
                0,
                CREATED,
                "Registration API",
                CREATED,
                "Registration API",
                CREATED,
                null,
                null,
                false,
                null);
    }

    @Test
    void the_stored_metadata_is_returned_under_the_protocol_names() {
        var json = ClientInformation.of(
                client(ClientType.CONFIDENTIAL, "https://ledger.example.com", null),
                "https://portal.example.com",
                "https://portal.example.com/sandbox/oauth/register/" + CLIENT_ID);

        assertThat(json)
                .containsEntry("client_id", CLIENT_ID.toString())
                .containsEntry("client_id_issued_at", CREATED.getEpochSecond())
                .containsEntry("client_name", "Ledger")
                .containsEntry("redirect_uris", List.of("https://ledger.example.com/cb"))
                .containsEntry("token_endpoint_auth_method", "client_secret_basic")
                .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
                .containsEntry("response_types", List.of("code"))
                .containsEntry("scope", "accounts:read vendors:read")
                .containsEntry("contacts", List.of("ops@ledger.example.com"))
                .containsEntry("client_uri", "https://ledger.example.com")
                .containsEntry("subject_type_preference", "COMPANY")
                .containsEntry(
                        "registration_client_uri", "https://portal.example.com/sandbox/oauth/register/" + CLIENT_ID);
    }

    @Test
    void fields_that_are_not_set_are_left_out_and_nothing_secret_is_added() {
        var json = ClientInformation.of(client(ClientType.PUBLIC, null, null), "https://portal.example.com", "u");

        assertThat(json)
                .containsEntry("token_endpoint_auth_method", "none")
                .doesNotContainKeys(
                        "client_uri",
                        "tos_uri",
                        "policy_uri",
                        "initiation_uri",
                        "settings_uri",
                        "logo_uri",
                        "client_secret",
                        "registration_access_token");
    }

    @Test
    void an_uploaded_logo_is_returned_as_its_absolute_address_on_the_portal() {
        String hash = "a".repeat(64);
        var json = ClientInformation.of(client(ClientType.PUBLIC, null, hash), "https://portal.example.com", "u");

        assertThat(json).containsEntry("logo_uri", "https://portal.example.com/logos/" + hash + "-512.png");
    }
}
