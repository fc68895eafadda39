package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.logos.LogoService;
import org.devportal.review.ProductionAccessService;
import org.devportal.review.ReviewFixture;
import org.devportal.review.ReviewRecord;
import org.devportal.review.ReviewService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The token endpoints' read of a client by its sandbox client ID, against the client as the portal keeps it. */
class ClientDirectoryIT extends IntegrationTest {

    @Autowired
    ClientService clients;

    @Autowired
    ClientDirectory directory;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    ProductionAccessService access;

    private TeamSummary team;

    @BeforeEach
    void signIn() {
        team = signInWithANewTeam("directory-" + UUID.randomUUID() + "@example.com", "Directory", Role.DEVELOPER);
    }

    @Test
    void a_client_read_by_its_sandbox_client_id_has_every_field_and_list_in_order_as_the_client_page_has_it() {
        ClientDetails registered =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", "https://ledger.example.com/cb");
        ClientDetails edited = clients.update(
                registered.id(),
                registered.version(),
                TestClients.complete()
                        .withRedirectUris(
                                "https://ledger.example.com/cb",
                                "https://ledger.example.com:8443/oauth/return?tenant=a&mode=x%20y",
                                "https://app.ledger.example.com/callback")
                        .withContacts("ops@ledger.example.com", "dev@ledger.example.com")
                        .withScopes("vendors:read", "accounts:read")
                        .withPkceException("Our server-side integration cannot send a code verifier yet")
                        .build());

        ClientDetails read =
                directory.bySandboxClientId(edited.sandboxClientId()).orElseThrow();

        assertThat(read).isEqualTo(clients.get(edited.id()));
        assertThat(read.redirectUris())
                .extracting(uri -> uri.value())
                .containsExactly(
                        "https://ledger.example.com/cb",
                        "https://ledger.example.com:8443/oauth/return?tenant=a&mode=x%20y",
                        "https://app.ledger.example.com/callback");
        assertThat(read.contacts()).containsExactly("ops@ledger.example.com", "dev@ledger.example.com");
        assertThat(read.scopes()).containsExactlyInAnyOrder("vendors:read", "accounts:read");
        assertThat(read.pkceRequired()).isFalse();
    }

    @Test
    void an_approved_client_with_unreviewed_changes_and_a_suspension_reads_as_the_client_page_has_it() {
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, "https://ledger.example.com/cb");
        ReviewRecord review = reviews.submit(client.id(), "");
        Authentication member = SecurityContextHolder.getContext().getAuthentication();
        SignedIn.as("directory-reviewer-" + UUID.randomUUID() + "@example.com", Role.REVIEWER);
        reviews.approve(review.id(), review.version(), null);
        access.suspend(client.id(), "Partner reports a leaked secret");
        SecurityContextHolder.getContext().setAuthentication(member);
        ClientDetails approved = clients.get(client.id());
        clients.update(
                approved.id(),
                approved.version(),
                TestClients.from(approved)
                        .withRedirectUris("https://ledger.example.com/cb", "https://ledger.example.com/other")
                        .build());

        ClientDetails read =
                directory.bySandboxClientId(client.sandboxClientId()).orElseThrow();

        assertThat(read).isEqualTo(clients.get(client.id()));
        assertThat(read.unapprovedChanges()).isTrue();
        assertThat(read.suspension().reason()).isEqualTo("Partner reports a leaked secret");
    }

    @Test
    void a_deleted_client_and_an_unknown_client_id_are_not_found() {
        ClientDetails client =
                clients.register(team.id(), ClientType.PUBLIC, "Ledger Mobile", "https://ledger.example.com/cb");
        assertThat(directory.bySandboxClientId(client.sandboxClientId())).isPresent();

        clients.delete(client.id(), client.name());

        assertThat(directory.bySandboxClientId(client.sandboxClientId())).isEmpty();
        assertThat(directory.bySandboxClientId(UUID.randomUUID())).isEmpty();
    }
}
