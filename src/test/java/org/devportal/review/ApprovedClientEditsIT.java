package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.LogoService;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;
import org.devportal.registration.ClientConfigurationService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Edits of an approved client that production uses at once: the settings URI is held to the production rules and
 * cannot be cleared, and a change of the contacts or the settings URI is announced and recorded.
 */
class ApprovedClientEditsIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    ClientDirectory directory;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditLog audit;

    @Autowired
    ClientConfigurationService configurations;

    @Autowired
    NotificationService notifications;

    private final String developer = "edits-dev-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void approveAClient() {
        team = signInWithANewTeam(developer, "Edits", Role.DEVELOPER);
        client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
        client = ReviewFixture.approve(
                reviews, clients, client.id(), "edits-reviewer-" + UUID.randomUUID() + "@example.com");
    }

    @Test
    void the_settings_uri_of_an_approved_client_cannot_be_cleared() {
        assertThatThrownBy(() -> clients.update(
                        client.id(),
                        client.version(),
                        TestClients.from(client).withSettingsUri("").build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("settingsUri"))
                .hasMessageContaining("cannot")
                .hasMessageContaining("clearing");
        assertThat(clients.get(client.id()).settingsUri()).isEqualTo("https://ledger.example.com/settings");
    }

    @Test
    void the_settings_uri_of_an_approved_client_must_pass_the_production_rules() {
        assertThatThrownBy(() -> clients.update(
                        client.id(),
                        client.version(),
                        TestClients.from(client)
                                .withSettingsUri("http://localhost:8080/settings")
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("settingsUri"))
                .hasMessageContaining("refused for production");
        assertThat(directory.approvedById(client.id()).orElseThrow().approved().settingsUri())
                .isEqualTo("https://ledger.example.com/settings");
    }

    @Test
    void a_configuration_document_applied_to_an_approved_client_holds_its_reviewed_changes_for_review() {
        String document = configurations
                .export(client.id())
                .replace("\"Ledger Sync\"", "\"Ledger Books\"")
                .replace("dev@ledger.example.com", "ops@ledger.example.com");

        ClientDetails applied = configurations.apply(client.id(), client.version(), document);

        assertThat(applied.name()).isEqualTo("Ledger Books");
        assertThat(applied.unapprovedChanges()).isTrue();
        var production = directory.approvedById(client.id()).orElseThrow().approved();
        assertThat(production.name()).as("waits for review").isEqualTo("Ledger Sync");
        assertThat(production.contacts()).as("live at once").containsExactly("ops@ledger.example.com");
    }

    @Test
    void a_configuration_document_is_held_to_the_production_rules_of_an_approved_client_by_its_field_name() {
        String document = configurations
                .export(client.id())
                .replace("https://ledger.example.com/settings", "http://localhost:8080/settings");

        assertThatThrownBy(() -> configurations.apply(client.id(), client.version(), document))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("settings_uri"))
                .hasMessageStartingWith("settings_uri: ")
                .hasMessageContaining("refused for production");
        assertThat(clients.get(client.id()).version()).isEqualTo(client.version());
    }

    @Test
    void a_draft_may_still_use_sandbox_rules_for_its_settings_uri() {
        ClientDetails draft = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Draft", CALLBACK);
        ClientDetails saved = clients.update(
                draft.id(),
                draft.version(),
                TestClients.complete()
                        .withName("Ledger Draft")
                        .withSettingsUri("http://localhost:8080/settings")
                        .build());
        assertThat(saved.settingsUri()).isEqualTo("http://localhost:8080/settings");
    }

    @Test
    void a_contact_change_reaches_production_at_once_and_is_announced_and_recorded() {
        ClientDetails edited = clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withContacts("ops@ledger.example.com").build());

        assertThat(directory.approvedById(edited.id()).orElseThrow().approved().contacts())
                .containsExactly("ops@ledger.example.com");
        assertThat(edited.unapprovedChanges()).isFalse();
        assertThat(mail.sentTo("dev@ledger.example.com"))
                .as("the previous contact")
                .anySatisfy(message -> {
                    assertThat(message.getSubject()).isEqualTo("Changed at once in production: Ledger Sync");
                    assertThat(message.getText()).contains("dev@ledger.example.com", "ops@ledger.example.com");
                });
        assertThat(mail.sentTo("ops@ledger.example.com"))
                .as("the new contact")
                .anySatisfy(message -> assertThat(message.getSubject()).contains("Ledger Sync"));
        assertThat(notifications.recentForMe(20))
                .map(TeamNotification::message)
                .anySatisfy(text -> assertThat(text).contains("Ledger Sync: contact e-mails changed by"));
        HistoryEntry entry = audit.historyOf(client.id()).getFirst();
        assertThat(entry.action()).isEqualTo("Edited");
        assertThat(entry.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("Contact e-mails");
            assertThat(change.oldValue()).isEqualTo("dev@ledger.example.com");
            assertThat(change.newValue()).isEqualTo("ops@ledger.example.com");
        });
    }

    @Test
    void a_reviewed_change_is_not_announced_as_live() {
        int before = mail.sentTo("dev@ledger.example.com").size();
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withName("Ledger Sync Pro").build());
        assertThat(mail.sentTo("dev@ledger.example.com")).hasSize(before);
    }
}
