package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.audit.AuditLog;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.security.Role;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

class ClientServiceIT extends IntegrationTest {

    @Autowired
    ClientService clients;

    @Autowired
    MachineClientService machines;

    @Autowired
    TeamService teams;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final String developer = "dev-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void signIn() {
        team = signInWithANewTeam(developer, "Acme", Role.DEVELOPER);
    }

    @Test
    void registering_creates_a_sandbox_draft_with_the_creator_as_contact_and_records_it() {
        ClientDetails client = clients.register(
                team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", "https://ledger.example.com/oauth/callback");

        assertThat(client.status()).isEqualTo(ClientStatus.DRAFT);
        assertThat(client.sandboxClientId()).isNotNull().isNotEqualTo(client.id());
        assertThat(client.contacts()).containsExactly(developer);
        assertThat(client.redirectUris())
                .extracting(RedirectUri::value)
                .containsExactly("https://ledger.example.com/oauth/callback");
        assertThat(client.pkceRequired()).isTrue();
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("Secret issued", "Registered");
        assertThat(audit.historyOf(client.id()).getLast().changes())
                .contains(new FieldChange("Client name", null, "Ledger Sync"));
    }

    @Test
    void the_wizards_registration_needs_a_client_uri_and_a_scope_of_the_catalogue() {
        assertThatThrownBy(() -> clients.register(
                        team.id(),
                        ClientType.PUBLIC,
                        "Ledger Wizard",
                        "https://ledger.example.com/cb",
                        " ",
                        Set.of("accounts:read")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientUri"))
                .hasMessage("Client URI is required; enter an address such as https://app.example.com");
        assertThatThrownBy(() -> clients.register(
                        team.id(),
                        ClientType.PUBLIC,
                        "Ledger Wizard",
                        "https://ledger.example.com/cb",
                        "ftp://x",
                        Set.of("accounts:read")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientUri"));
        assertThatThrownBy(() -> clients.register(
                        team.id(),
                        ClientType.PUBLIC,
                        "Ledger Wizard",
                        "https://ledger.example.com/cb",
                        "https://ledger.example.com",
                        Set.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scopes"))
                .hasMessage("Choose at least one scope: the APIs your integration calls");
        assertThatThrownBy(() -> clients.register(
                        team.id(),
                        ClientType.PUBLIC,
                        "Ledger Wizard",
                        "https://ledger.example.com/cb",
                        "https://ledger.example.com",
                        Set.of("payroll:write")))
                .hasMessage("\"payroll:write\" is not a scope of the catalogue");
        assertThat(clients.count(team.id(), "Ledger Wizard")).isZero();

        ClientDetails client = clients.register(
                team.id(),
                ClientType.PUBLIC,
                "Ledger Wizard",
                "https://ledger.example.com/cb",
                "https://ledger.example.com",
                Set.of("accounts:read"));

        assertThat(client.clientUri()).isEqualTo("https://ledger.example.com");
        assertThat(client.scopes()).containsExactly("accounts:read");
        assertThat(audit.historyOf(client.id()).getLast().changes())
                .extracting(FieldChange::field)
                .contains("Client URI", "Scopes");
        // A client from the wizard can be saved as it is: it already meets the rules of every save.
        assertThat(clients.update(client.id(), client.version(), ClientUpdate.of(client))
                        .version())
                .isEqualTo(client.version());
    }

    @Test
    void a_redirect_uri_stored_under_older_rules_still_loads_and_is_judged_by_todays_rules_on_the_next_save() {
        ClientDetails client =
                clients.register(team.id(), ClientType.PUBLIC, "Ledger Legacy", "https://ledger.example.com/cb");
        jdbc.update(
                "update oauth_client_redirect_uri set uri = ? where client_id = ?",
                "http://127.0.0.1:08080/cb",
                client.id());

        ClientDetails loaded = clients.get(client.id());

        assertThat(loaded.redirectUris()).extracting(RedirectUri::value).containsExactly("http://127.0.0.1:08080/cb");
        assertThatThrownBy(() -> clients.update(loaded.id(), loaded.version(), ClientUpdate.of(loaded)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("redirectUris");
                    assertThat(e.getMessage()).isEqualTo("Redirect URI 1: Write the port without leading zeros");
                });
    }

    @Test
    void registration_refuses_platform_branding_duplicate_names_and_bad_redirect_uris() {
        clients.register(team.id(), ClientType.PUBLIC, "Ledger Sync", "https://ledger.example.com/cb");

        assertThatThrownBy(() ->
                        clients.register(team.id(), ClientType.PUBLIC, "My pLEO helper", "https://a.example.com/cb"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Do not use Pleo branding");
        assertThatThrownBy(
                        () -> clients.register(team.id(), ClientType.PUBLIC, "ledger sync", "https://a.example.com/cb"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already has a client called");
        assertThatThrownBy(() -> clients.register(team.id(), ClientType.PUBLIC, "Other", "https://a.example.com/cb#x"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("redirectUris"))
                .hasMessageContaining("Fragments");
        assertThat(clients.count(team.id(), "")).isEqualTo(1);
    }

    @Test
    void an_edit_is_validated_saved_and_recorded_field_by_field() {
        ClientDetails client =
                clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", "https://ledger.example.com/cb");
        ClientUpdate update = TestClients.from(client)
                .withName("Ledger Sync Pro")
                .withClientUri("https://ledger.example.com")
                .withContacts(developer, "Support@Ledger.example.com", "support@ledger.example.com")
                .withRedirectUris("https://ledger.example.com/cb", "http://localhost:8080/cb")
                .withScopes("vendors:read")
                .withSubjectType(SubjectTypePreference.COMPANY)
                .build();

        ClientDetails saved = clients.update(client.id(), client.version(), update);

        assertThat(saved.name()).isEqualTo("Ledger Sync Pro");
        assertThat(saved.contacts()).containsExactly(developer, "support@ledger.example.com");
        assertThat(saved.redirectUris())
                .extracting(RedirectUri::value)
                .containsExactly("https://ledger.example.com/cb", "http://localhost:8080/cb");
        assertThat(saved.scopes()).containsExactly("vendors:read");
        assertThat(saved.version()).isGreaterThan(client.version());
        List<HistoryEntry> history = audit.historyOf(client.id());
        assertThat(history.getFirst().action()).isEqualTo("Edited");
        assertThat(history.getFirst().changes())
                .contains(
                        new FieldChange("Client name", "Ledger Sync", "Ledger Sync Pro"),
                        new FieldChange("Scopes", "", "vendors:read"),
                        new FieldChange("Subject type preference", "No preference", "Company"));
    }

    @Test
    void an_edit_needs_a_scope_from_the_catalogue() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
        ClientUpdate noScopes = TestClients.from(client).withScopes().build();
        ClientUpdate unknown =
                TestClients.from(client).withScopes("payments:write").build();

        assertThatThrownBy(() -> clients.update(client.id(), client.version(), noScopes))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one scope");
        assertThatThrownBy(() -> clients.update(client.id(), client.version(), unknown))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a scope of the catalogue");
    }

    @Test
    void the_second_of_two_edits_of_the_same_version_is_refused_and_changes_nothing() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withScopes("vendors:read").build());

        ClientUpdate late = TestClients.from(client)
                .withName("Late Edit")
                .withScopes("users:read")
                .build();

        assertThatThrownBy(() -> clients.update(client.id(), client.version(), late))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("saved this client while you were editing");
        assertThat(clients.get(client.id()).name()).isEqualTo("Ledger");
        assertThat(clients.get(client.id()).scopes()).containsExactly("vendors:read");
    }

    @Test
    void saving_a_client_unchanged_records_nothing_and_keeps_its_flow_test_current() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withScopes("vendors:read", "accounts:read")
                        .build());
        ClientDetails loaded = clients.get(client.id());
        clock.advance(java.time.Duration.ofMinutes(1));

        ClientDetails saved = clients.update(loaded.id(), loaded.version(), ClientUpdate.of(loaded));

        assertThat(saved.version()).isEqualTo(loaded.version());
        assertThat(saved.technicalChangedAt()).isEqualTo(loaded.technicalChangedAt());
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("Edited", "Registered");
    }

    @Test
    void another_teams_client_is_not_found_whatever_is_tried() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);

        assertThatThrownBy(() -> clients.get(client.id())).isInstanceOf(ClientNotFoundException.class);
        ClientUpdate edit = TestClients.from(client).withScopes("users:read").build();
        assertThatThrownBy(() -> clients.update(client.id(), client.version(), edit))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> clients.delete(client.id(), "Ledger")).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> clients.checklist(client.id())).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> clients.list(team.id(), "", PageRequest.of(0, 10)))
                .isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> audit.historyOf(client.id())).isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void a_colleague_in_the_same_team_can_edit_the_client() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
        String colleague = "colleague-" + UUID.randomUUID() + "@example.com";
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);

        SignedIn.as(colleague, Role.DEVELOPER);
        teams.acceptInvitation(mail.lastToken(colleague, "/invitation"));

        ClientUpdate edit = TestClients.from(client).withScopes("users:read").build();
        assertThat(clients.update(client.id(), client.version(), edit).scopes()).containsExactly("users:read");
    }

    @Test
    void deleting_needs_the_exact_name_and_keeps_the_history() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");

        assertThatThrownBy(() -> clients.delete(client.id(), "ledger"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Type the client's name exactly");
        clients.delete(client.id(), "Ledger");

        assertThatThrownBy(() -> clients.get(client.id())).isInstanceOf(ClientNotFoundException.class);
        assertThat(clients.count(team.id(), "")).isZero();
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("Deleted", "Registered");
        clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");
    }

    @Test
    void the_checklist_lists_what_review_still_needs() {
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Ledger", "https://l.example.com/cb");

        assertThat(clients.checklist(client.id()))
                .filteredOn(item -> !item.done())
                .extracting(ChecklistItem::field)
                .containsExactly("clientUri", "logo", "tosUri", "policyUri", "initiationUri", "settingsUri", "scopes");

        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withClientUri("https://l.example.com")
                        .withTosUri("https://l.example.com/terms")
                        .withPolicyUri("https://l.example.com/privacy")
                        .withInitiationUri("https://l.example.com/connect")
                        .withSettingsUri("https://l.example.com/settings")
                        .withScopes("accounts:read")
                        .build());

        assertThat(clients.checklist(client.id()))
                .filteredOn(item -> !item.done())
                .extracting(ChecklistItem::field)
                .containsExactly("logo");
    }

    @Test
    void the_list_pages_and_searches_by_name() {
        for (String name : List.of("Alpha", "Beta", "Alphabet", "Gamma")) {
            clients.register(team.id(), ClientType.PUBLIC, name, "https://x.example.com/cb");
        }

        assertThat(clients.count(team.id(), "alpha")).isEqualTo(2);
        assertThat(clients.list(team.id(), "ALPHA", PageRequest.of(0, 10)))
                .extracting(ClientSummary::name)
                .containsExactlyInAnyOrder("Alpha", "Alphabet");
        assertThat(clients.list(team.id(), "", PageRequest.of(1, 3))).hasSize(1);
    }

    @Test
    void the_list_comes_newest_change_first_and_pages_without_repeats_or_gaps_when_changes_share_an_instant() {
        clock.freeze();
        try {
            for (int i = 0; i < 7; i++) {
                clients.register(team.id(), ClientType.PUBLIC, "Same instant " + i, "https://x.example.com/cb");
            }
        } finally {
            clock.reset();
        }
        clock.advance(Duration.ofMinutes(1));
        ClientDetails newest = clients.register(team.id(), ClientType.PUBLIC, "Newest", "https://x.example.com/cb");

        List<ClientSummary> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(clients.list(team.id(), "", PageRequest.of(page, 3)));
        }

        assertThat(clients.count(team.id(), "")).isEqualTo(8);
        assertThat(paged).hasSize(8).extracting(ClientSummary::id).doesNotHaveDuplicates();
        assertThat(paged.getFirst().id()).isEqualTo(newest.id());
        assertThat(clients.list(team.id(), "", PageRequest.of(0, 3, Sort.by("name"))))
                .extracting(ClientSummary::name)
                .containsExactly("Newest", "Same instant 0", "Same instant 1");
    }

    @Test
    void the_list_shows_each_clients_scopes_sorted_and_none_for_a_client_without() {
        ClientDetails scoped = clients.register(team.id(), ClientType.PUBLIC, "Scoped", "https://x.example.com/cb");
        clients.update(
                scoped.id(),
                scoped.version(),
                TestClients.from(scoped)
                        .withScopes("vendors:read", "accounts:read")
                        .build());
        clients.register(team.id(), ClientType.PUBLIC, "Bare", "https://x.example.com/cb");

        assertThat(clients.list(team.id(), "", PageRequest.of(0, 10, Sort.by("name"))))
                .extracting(ClientSummary::name, ClientSummary::scopes)
                .containsExactly(tuple("Bare", List.of()), tuple("Scoped", List.of("accounts:read", "vendors:read")));
    }

    @Test
    void a_range_of_the_list_starts_at_any_row_not_only_at_a_page_boundary() {
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo")) {
            clients.register(team.id(), ClientType.PUBLIC, name, "https://x.example.com/cb");
        }

        assertThat(clients.list(team.id(), "", 1, 3, Sort.by("name")))
                .extracting(ClientSummary::name)
                .containsExactly("Bravo", "Charlie", "Delta");
    }

    @Test
    void percent_and_underscore_in_a_search_match_themselves_only() {
        for (String name : List.of("Ledger_sync", "Ledger sync", "Ledger 100%", "Ledger 1000")) {
            clients.register(team.id(), ClientType.PUBLIC, name, "https://x.example.com/cb");
        }

        assertThat(clients.list(team.id(), "r_s", PageRequest.of(0, 10)))
                .extracting(ClientSummary::name)
                .containsExactly("Ledger_sync");
        assertThat(clients.count(team.id(), "0%")).isEqualTo(1);
        assertThat(clients.count(team.id(), "ledger")).isEqualTo(4);
    }

    @Test
    void a_page_of_the_list_takes_two_statements_however_many_rows_and_scopes_it_has() {
        for (int i = 0; i < 20; i++) {
            ClientDetails client =
                    clients.register(team.id(), ClientType.PUBLIC, "Client " + i, "https://x.example.com/cb");
            clients.update(
                    client.id(),
                    client.version(),
                    TestClients.from(client)
                            .withScopes("vendors:read", "accounts:read")
                            .build());
        }
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            List<ClientSummary> page = clients.list(team.id(), "client", PageRequest.of(0, 20));
            long statements = statistics.getPrepareStatementCount();

            assertThat(page)
                    .hasSize(20)
                    .allSatisfy(row -> assertThat(row.scopes()).hasSize(2));
            // The membership check, then the page's rows with their scopes; a query per row would be 20 more.
            assertThat(statements).isEqualTo(2L);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void a_machine_registration_without_a_signed_in_user_applies_the_same_rules_and_records_every_field() {
        Actor robot = new Actor("test-robot", "Test robot");
        SecurityContextHolder.clearContext();

        ClientDetails client = machines.registerForTeam(
                team.id(),
                TestClients.minimal()
                        .withName("Ledger")
                        .withClientUri("https://l.example.com")
                        .withContacts("ops@l.example.com")
                        .withRedirectUris("https://l.example.com/cb", "http://localhost:3000/cb")
                        .withScopes("accounts:read")
                        .withType(ClientType.CONFIDENTIAL)
                        .withSubjectType(SubjectTypePreference.COMPANY)
                        .build(),
                robot);

        assertThat(client.teamId()).isEqualTo(team.id());
        assertThat(client.status()).isEqualTo(ClientStatus.DRAFT);
        assertThat(client.createdBy()).isEqualTo("Test robot");
        assertThat(client.redirectUris())
                .extracting(RedirectUri::value)
                .containsExactly("https://l.example.com/cb", "http://localhost:3000/cb");
        assertThat(client.contacts()).containsExactly("ops@l.example.com");
        assertThat(client.subjectType()).isEqualTo(SubjectTypePreference.COMPANY);
        assertThatThrownBy(() -> machines.registerForTeam(
                        team.id(),
                        TestClients.minimal()
                                .withName("ledger")
                                .withRedirectUri("https://l.example.com/cb")
                                .withType(ClientType.PUBLIC)
                                .build(),
                        robot))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> machines.registerForTeam(
                        team.id(),
                        TestClients.minimal()
                                .withName("Other")
                                .withRedirectUri("http://l.example.com/cb")
                                .withType(ClientType.PUBLIC)
                                .build(),
                        robot))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("redirectUris"));

        SignedIn.as(developer, Role.DEVELOPER);
        HistoryEntry registered = audit.historyOf(client.id()).stream()
                .filter(entry -> entry.action().equals("Registered"))
                .findFirst()
                .orElseThrow();
        assertThat(registered.actor()).isEqualTo("Test robot");
        assertThat(registered.changes())
                .extracting(FieldChange::field)
                .containsExactly(
                        "Client name",
                        "Client type",
                        "Client URI",
                        "Contact e-mails",
                        "Redirect URIs",
                        "Scopes",
                        "Subject type preference");
    }

    @Test
    void a_machine_replacement_clears_what_it_leaves_out_and_a_machine_deletion_keeps_the_history() {
        Actor robot = new Actor("test-robot", "Test robot");
        ClientDetails client = clients.register(team.id(), ClientType.PUBLIC, "Dash", "https://d.example.com/cb");
        clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withClientUri("https://d.example.com")
                        .withTosUri("https://d.example.com/terms")
                        .withScopes("accounts:read")
                        .build());
        SecurityContextHolder.clearContext();

        ClientDetails replaced = machines.replaceMetadata(
                client.id(),
                TestClients.minimal()
                        .withName("Dash 2")
                        .withContacts("ops@d.example.com")
                        .withRedirectUri("https://d2.example.com/cb")
                        .withScopes("vendors:read")
                        .withType(ClientType.PUBLIC)
                        .build(),
                robot);
        clock.advance(java.time.Duration.ofSeconds(1));
        machines.deleteAs(client.id(), robot);

        assertThat(replaced.name()).isEqualTo("Dash 2");
        assertThat(replaced.clientUri()).isNull();
        assertThat(replaced.tosUri()).isNull();
        assertThat(replaced.updatedBy()).isEqualTo("Test robot");
        assertThatThrownBy(() -> machines.deleteAs(client.id(), robot)).isInstanceOf(ClientNotFoundException.class);
        SignedIn.as(developer, Role.DEVELOPER);
        assertThat(audit.historyOf(client.id()))
                .extracting(HistoryEntry::action, HistoryEntry::actor)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("Deleted", "Test robot"),
                        org.assertj.core.groups.Tuple.tuple("Edited", "Test robot"));
    }
}
