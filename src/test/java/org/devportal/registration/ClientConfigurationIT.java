package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.ConcurrentEditException;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Configuration as code on the real database, and the same document through the registration API over HTTP. */
class ClientConfigurationIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ClientConfigurationService configurations;

    @Autowired
    ClientService clients;

    @Autowired
    InitialAccessTokenService tokens;

    private final String member = "config-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void aTeamWithAClient() {
        team = signInWithANewTeam(member, "Config", Role.DEVELOPER);
        ClientDetails registered =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", TestClients.REDIRECT_URI);
        client = clients.update(
                registered.id(),
                registered.version(),
                TestClients.complete()
                        .withScopes("accounts:read", "vendors:read")
                        .withPkceException("Our appliance firmware cannot send a code challenge")
                        .build());
    }

    @Test
    void an_exported_client_imported_into_its_team_is_a_new_client_with_the_same_configuration() {
        String document = configurations.export(client.id()).replace("Ledger Sync", "Ledger Sync copy");

        ClientDetails imported = configurations.importClient(team.id(), document);

        assertThat(imported.id()).isNotEqualTo(client.id());
        assertThat(imported.name()).isEqualTo("Ledger Sync copy");
        assertThat(ConfigurationDiff.between(
                                imported,
                                ClientMetadata.parse(configurations
                                                .export(client.id())
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                        .toClientUpdate())
                        .changes())
                .extracting(ConfigurationDiff.FieldDiff::field)
                .containsExactly("client_name");
        assertThat(imported.pkceRequired()).isFalse();
        assertThat(imported.pkceExceptionReason()).isEqualTo("Our appliance firmware cannot send a code challenge");
    }

    @Test
    void the_preview_lists_the_changes_and_nothing_changes_until_the_document_is_applied() {
        String document = edited(json -> {
            json.put("client_name", "Ledger Books");
            json.putArray("redirect_uris")
                    .add("https://ledger.example.com/callback")
                    .add("https://books.example.com/cb");
        });

        ClientConfigurationService.Preview preview = configurations.previewApply(client.id(), document);

        assertThat(preview.basedOnVersion()).isEqualTo(client.version());
        assertThat(preview.diff().changes())
                .extracting(ConfigurationDiff.FieldDiff::field)
                .containsExactly("client_name", "redirect_uris");
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());

        ClientDetails applied = configurations.apply(client.id(), preview.basedOnVersion(), document);

        assertThat(applied.name()).isEqualTo("Ledger Books");
        assertThat(applied.redirectUris())
                .extracting(uri -> uri.value())
                .containsExactly("https://ledger.example.com/callback", "https://books.example.com/cb");
        assertThat(configurations.previewApply(client.id(), document).diff().isEmpty())
                .isTrue();
    }

    @Test
    void a_rule_the_document_breaks_is_named_by_the_documents_field_and_nothing_changes() {
        String document = edited(json -> json.putArray("redirect_uris").add("https://ledger.example.com/cb#frag"));

        assertThatThrownBy(() -> configurations.apply(client.id(), client.version(), document))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("redirect_uris");
                    assertThat(e.getMessage()).startsWith("redirect_uris: ");
                });
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());
    }

    @Test
    void a_pkce_exception_without_a_reason_is_refused_under_the_portal_objects_name() {
        String document = edited(json -> json.putObject("portal").put("pkce_required", false));

        assertThatThrownBy(() -> configurations.apply(client.id(), client.version(), document))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("portal.pkce_exception_reason");
                    assertThat(e.getMessage()).startsWith("portal.pkce_exception_reason: Explain why");
                });
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());
    }

    @Test
    void a_document_that_is_not_json_is_refused_as_a_whole_with_where_it_breaks() {
        assertThatThrownBy(() -> configurations.previewApply(client.id(), "{\"client_name\": \"Ledger\","))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(ClientConfigurationService.DOCUMENT);
                    assertThat(e.getMessage()).startsWith("The body is not valid JSON (line 1");
                });
    }

    @Test
    void a_document_previewed_before_someone_else_saved_is_not_applied() {
        String document = edited(json -> json.put("client_name", "Ledger Books"));
        long previewed = configurations.previewApply(client.id(), document).basedOnVersion();
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withName("Ledger Sync 2").build());

        assertThatThrownBy(() -> configurations.apply(client.id(), previewed, document))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(clients.get(client.id()).name()).isEqualTo("Ledger Sync 2");
    }

    @Test
    void someone_outside_the_team_can_neither_export_nor_apply_nor_import() {
        String document = configurations.export(client.id());
        signInWithANewTeam("outsider-" + UUID.randomUUID() + "@example.com", "Other", Role.DEVELOPER);

        assertThatThrownBy(() -> configurations.export(client.id())).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> configurations.apply(client.id(), client.version(), document))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> configurations.importClient(team.id(), document))
                .isInstanceOf(org.devportal.teams.TeamNotFoundException.class);
    }

    @Test
    void the_exported_document_registers_the_client_over_http_and_reads_back_as_the_same_document() {
        String document = configurations.export(client.id()).replace("Ledger Sync", "Ledger Sync API");
        String initialAccessToken =
                tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1).token().value();

        HttpResponse<String> registered =
                send("POST", baseUrl() + "/sandbox/oauth/register", initialAccessToken, document);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(registered.body());
        HttpResponse<String> read = send(
                "GET",
                created.get("registration_client_uri").stringValue(),
                created.get("registration_access_token").stringValue(),
                null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        ObjectNode readBack = (ObjectNode) JSON.readTree(read.body());
        readBack.remove(java.util.List.of(
                "client_id", "client_id_issued_at", "registration_client_uri", "registration_access_token"));
        assertThat(readBack).isEqualTo(JSON.readTree(document));
        assertThat(JSON.readTree(read.body()).has("client_secret")).isFalse();
    }

    private String edited(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode json = (ObjectNode) JSON.readTree(configurations.export(client.id()));
        edit.accept(json);
        return JSON.writeValueAsString(json);
    }

    private static HttpResponse<String> send(String method, String url, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
