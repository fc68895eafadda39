package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebUri;
import org.junit.jupiter.api.Test;

class OAuthClientLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final OAuthClient client = OAuthClient.register(
            UUID.randomUUID(),
            ClientType.CONFIDENTIAL,
            new ClientName("Ledger Sync"),
            RedirectUri.of("https://ledger.example.com/callback"),
            List.of("dev@ledger.example.com"),
            "Dana",
            NOW);

    private ClientRevision revision(String name, List<String> redirectUris, List<String> contacts, String settingsUri) {
        return new ClientRevision(
                new ClientName(name),
                Optional.of(WebUri.of("https://ledger.example.com")),
                Optional.of(WebUri.of("https://ledger.example.com/terms")),
                Optional.of(WebUri.of("https://ledger.example.com/privacy")),
                ContactEmails.parse(contacts),
                Optional.of(WebUri.of("https://ledger.example.com/connect")),
                settingsUri == null ? Optional.empty() : Optional.of(WebUri.of(settingsUri)),
                redirectUris.stream().map(RedirectUri::of).toList(),
                Set.of(new ScopeName("vendors:read")),
                ClientType.CONFIDENTIAL,
                Optional.empty(),
                SubjectTypePreference.NONE);
    }

    @Test
    void a_draft_is_submitted_frozen_and_approved_with_a_production_client_id() {
        ClientSnapshot submitted = client.submitForReview();
        assertThat(client.details().status()).isEqualTo(ClientStatus.IN_REVIEW);
        assertThat(submitted.name()).isEqualTo("Ledger Sync");
        assertThatThrownBy(() -> client.revise(
                        revision(
                                "Other",
                                List.of("https://ledger.example.com/callback"),
                                List.of("dev@ledger.example.com"),
                                null),
                        "Dana",
                        NOW))
                .isInstanceOf(IllegalStateException.class);

        assertThat(client.approve(NOW)).isTrue();
        assertThat(client.details().status()).isEqualTo(ClientStatus.APPROVED);
        assertThat(client.productionClientId())
                .isNotNull()
                .isNotEqualTo(client.details().sandboxClientId());
        assertThat(client.approvedSnapshot()).isEqualTo(submitted);
    }

    @Test
    void a_client_cannot_be_submitted_twice_or_decided_when_not_in_review() {
        assertThatThrownBy(() -> client.approve(NOW)).isInstanceOf(IllegalStateException.class);
        client.submitForReview();
        assertThatThrownBy(client::submitForReview)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already waiting");
    }

    @Test
    void withdrawing_returns_the_client_to_where_it_was() {
        client.submitForReview();
        client.withdrawFromReview();
        assertThat(client.details().status()).isEqualTo(ClientStatus.DRAFT);
        assertThatThrownBy(client::withdrawFromReview).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changes_requested_can_be_fixed_and_submitted_again() {
        client.submitForReview();
        client.requestChanges();
        assertThat(client.details().status()).isEqualTo(ClientStatus.CHANGES_REQUESTED);
        client.revise(
                revision(
                        "Ledger Sync",
                        List.of("https://ledger.example.com/oauth/callback"),
                        List.of("dev@ledger.example.com"),
                        null),
                "Dana",
                NOW);
        client.submitForReview();
        assertThat(client.details().status()).isEqualTo(ClientStatus.IN_REVIEW);
    }

    @Test
    void a_rejected_client_cannot_be_submitted_again() {
        client.submitForReview();
        client.reject();
        assertThat(client.details().status()).isEqualTo(ClientStatus.REJECTED);
        assertThatThrownBy(client::submitForReview).hasMessageContaining("rejected");
    }

    @Test
    void editing_an_approved_client_keeps_the_approved_revision_for_production() {
        client.submitForReview();
        client.approve(NOW);
        ClientSnapshot approved = client.approvedSnapshot();
        client.revise(
                revision(
                        "Ledger Sync",
                        List.of("https://ledger.example.com/callback", "https://new.ledger.example.com/callback"),
                        List.of("dev@ledger.example.com"),
                        null),
                "Dana",
                NOW);
        assertThat(client.details().status()).isEqualTo(ClientStatus.APPROVED);
        assertThat(client.details().unapprovedChanges()).isTrue();
        assertThat(client.approvedSnapshot().redirectUris()).isEqualTo(approved.redirectUris());
    }

    @Test
    void contacts_and_the_settings_uri_reach_production_without_review() {
        client.submitForReview();
        client.approve(NOW);
        client.revise(
                revision(
                        "Ledger Sync",
                        List.of("https://ledger.example.com/callback"),
                        List.of("ops@ledger.example.com"),
                        "https://ledger.example.com/settings"),
                "Dana",
                NOW);
        assertThat(client.approvedSnapshot().contacts()).containsExactly("ops@ledger.example.com");
        assertThat(client.approvedSnapshot().settingsUri()).isEqualTo("https://ledger.example.com/settings");
    }

    @Test
    void an_approved_client_needs_a_reviewable_change_before_it_is_submitted_again() {
        client.revise(
                revision(
                        "Ledger Sync",
                        List.of("https://ledger.example.com/callback"),
                        List.of("dev@ledger.example.com"),
                        null),
                "Dana",
                NOW);
        client.submitForReview();
        client.approve(NOW);
        client.revise(
                revision(
                        "Ledger Sync",
                        List.of("https://ledger.example.com/callback"),
                        List.of("ops@ledger.example.com"),
                        null),
                "Dana",
                NOW);
        assertThatThrownBy(client::submitForReview).hasMessageContaining("Nothing that needs a review");
    }

    @Test
    void rejecting_a_change_to_an_approved_client_keeps_production_approved() {
        client.submitForReview();
        client.approve(NOW);
        UUID productionId = client.productionClientId();
        client.revise(
                revision(
                        "Ledger Sync Pro",
                        List.of("https://ledger.example.com/callback"),
                        List.of("dev@ledger.example.com"),
                        null),
                "Dana",
                NOW);
        client.submitForReview();
        client.reject();
        assertThat(client.details().status()).isEqualTo(ClientStatus.APPROVED);
        assertThat(client.approvedSnapshot().name()).isEqualTo("Ledger Sync");
        client.submitForReview();
        assertThat(client.approve(NOW)).isFalse();
        assertThat(client.productionClientId()).isEqualTo(productionId);
        assertThat(client.approvedSnapshot().name()).isEqualTo("Ledger Sync Pro");
    }
}
