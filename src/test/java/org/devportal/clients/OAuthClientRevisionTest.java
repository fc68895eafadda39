package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.FieldChange;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebUri;
import org.junit.jupiter.api.Test;

class OAuthClientRevisionTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant LATER = REGISTERED.plusSeconds(3600);

    private final OAuthClient client = OAuthClient.register(
            UUID.randomUUID(),
            ClientType.CONFIDENTIAL,
            new ClientName("Ledger Sync"),
            RedirectUri.of("https://ledger.example.com/callback"),
            List.of("dev@ledger.example.com"),
            "Dana",
            REGISTERED);

    private static ClientRevision revision(String name, String settingsUri, Set<String> scopes) {
        return new ClientRevision(
                new ClientName(name),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ContactEmails.parse(List.of("dev@ledger.example.com")),
                Optional.empty(),
                settingsUri == null ? Optional.empty() : Optional.of(WebUri.of(settingsUri)),
                List.of(RedirectUri.of("https://ledger.example.com/callback")),
                scopes.stream().map(ScopeName::new).collect(java.util.stream.Collectors.toSet()),
                ClientType.CONFIDENTIAL,
                Optional.empty(),
                SubjectTypePreference.NONE);
    }

    @Test
    void a_revision_reports_each_changed_field_by_its_label_in_the_order_of_the_history() {
        List<FieldChange> changes = client.revise(
                revision(
                        "Ledger Sync Pro",
                        "https://ledger.example.com/settings",
                        Set.of("vendors:read", "accounts:read")),
                "Sam",
                LATER);

        assertThat(changes)
                .containsExactly(
                        new FieldChange("Client name", "Ledger Sync", "Ledger Sync Pro"),
                        new FieldChange("Settings URI", null, "https://ledger.example.com/settings"),
                        new FieldChange("Scopes", "", "accounts:read vendors:read"));
        assertThat(client.details().updatedBy()).isEqualTo("Sam");
        assertThat(client.details().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void only_a_change_to_the_flow_makes_an_earlier_flow_test_stale() {
        client.revise(revision("Ledger Sync Pro", "https://ledger.example.com/settings", Set.of()), "Sam", LATER);
        assertThat(client.details().technicalChangedAt()).isEqualTo(REGISTERED);

        client.revise(
                revision("Ledger Sync Pro", "https://ledger.example.com/settings", Set.of("vendors:read")),
                "Sam",
                LATER);
        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
    }

    @Test
    void a_revision_that_changes_nothing_reports_nothing_and_leaves_the_client_as_it_was() {
        client.revise(revision("Ledger Sync", null, Set.of("vendors:read", "accounts:read")), "Sam", LATER);

        assertThat(client.revise(
                        revision("Ledger Sync", null, Set.of("accounts:read", "vendors:read")),
                        "Kim",
                        LATER.plusSeconds(60)))
                .isEmpty();
        assertThat(client.details().updatedBy()).isEqualTo("Sam");
    }

    @Test
    void adding_a_redirect_uri_and_changing_the_logo_are_recorded_and_only_the_uri_touches_the_flow() {
        assertThat(client.changeLogo("a".repeat(64), "Sam", LATER))
                .containsExactly(new FieldChange("Logo", null, "a".repeat(64)));
        assertThat(client.details().technicalChangedAt()).isEqualTo(REGISTERED);

        assertThat(client.addRedirectUri(RedirectUri.of("http://localhost:8080/cb"), "Sam", LATER))
                .containsExactly(new FieldChange(
                        "Redirect URIs",
                        "https://ledger.example.com/callback",
                        "https://ledger.example.com/callback\nhttp://localhost:8080/cb"));
        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
        assertThat(client.addRedirectUri(RedirectUri.of("http://localhost:8080/cb"), "Sam", LATER))
                .isEmpty();
    }

    private static ClientRevision revision(List<String> redirectUris, Set<String> scopes, ClientType type) {
        return new ClientRevision(
                new ClientName("Ledger Sync"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ContactEmails.parse(List.of("dev@ledger.example.com")),
                Optional.empty(),
                Optional.empty(),
                redirectUris.stream().map(RedirectUri::of).toList(),
                scopes.stream().map(ScopeName::new).collect(java.util.stream.Collectors.toSet()),
                type,
                Optional.empty(),
                SubjectTypePreference.NONE);
    }

    @Test
    void removing_a_redirect_uri_or_a_scope_leaves_an_earlier_flow_test_valid() {
        client.revise(
                revision(
                        List.of("https://ledger.example.com/callback", "https://ledger.example.com/other"),
                        Set.of("vendors:read", "accounts:read"),
                        ClientType.CONFIDENTIAL),
                "Sam",
                LATER);
        Instant removedAt = LATER.plusSeconds(60);

        List<FieldChange> changes = client.revise(
                revision(
                        List.of("https://ledger.example.com/callback"),
                        Set.of("vendors:read"),
                        ClientType.CONFIDENTIAL),
                "Sam",
                removedAt);

        assertThat(changes).extracting(FieldChange::field).containsExactly("Redirect URIs", "Scopes");
        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
    }

    @Test
    void changing_a_redirect_uri_in_place_makes_an_earlier_flow_test_stale() {
        client.revise(
                revision(List.of("https://ledger.example.com/v2/callback"), Set.of(), ClientType.CONFIDENTIAL),
                "Sam",
                LATER);

        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
    }

    @Test
    void another_client_type_makes_an_earlier_flow_test_stale() {
        client.revise(
                revision(List.of("https://ledger.example.com/callback"), Set.of(), ClientType.PUBLIC), "Sam", LATER);

        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
    }

    @Test
    void reordering_the_redirect_uris_leaves_an_earlier_flow_test_valid() {
        client.revise(
                revision(
                        List.of("https://ledger.example.com/callback", "https://ledger.example.com/other"),
                        Set.of(),
                        ClientType.CONFIDENTIAL),
                "Sam",
                LATER);
        Instant reorderedAt = LATER.plusSeconds(60);

        client.revise(
                revision(
                        List.of("https://ledger.example.com/other", "https://ledger.example.com/callback"),
                        Set.of(),
                        ClientType.CONFIDENTIAL),
                "Sam",
                reorderedAt);

        assertThat(client.details().updatedAt()).isEqualTo(reorderedAt);
        assertThat(client.details().technicalChangedAt()).isEqualTo(LATER);
    }
}
