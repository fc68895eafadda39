package org.devportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.FieldChange;
import org.devportal.registration.InitialAccessTokenService;
import org.devportal.registration.NewInitialAccessToken;
import org.devportal.registration.TokenLifetime;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.MemberSummary;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Team, account and registration-token events reach the audit log, which only administrators read whole. */
class PortalAuditIT extends IntegrationTest {

    @Autowired
    TeamService teams;

    @Autowired
    PortalAudit audit;

    @Autowired
    AccountService accounts;

    @Autowired
    InitialAccessTokenService tokens;

    private final String owner = "audit-owner-" + UUID.randomUUID() + "@example.com";
    private final String colleague = "audit-colleague-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void aTeamWithAnOwner() {
        team = signInWithANewTeam(owner, "Audited", Role.DEVELOPER);
    }

    private List<AuditRecord> teamLog() {
        signInAs("audit-admin@example.com", Role.ADMIN);
        try {
            return audit.search(AuditFilter.ALL.withTeam(team.id()), 0, 100);
        } finally {
            signInAs(owner, Role.DEVELOPER);
        }
    }

    private static FieldChange change(AuditRecord record, String field) {
        return record.changes().stream()
                .filter(change -> change.field().equals(field))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_invitation_sent_accepted_then_a_role_change_a_removal_and_a_departure_are_each_recorded_for_the_team() {
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        String token = mail.lastToken(colleague, "/invitation");
        signInAs(colleague, Role.DEVELOPER);
        teams.acceptInvitation(token);
        signInAs(owner, Role.DEVELOPER);
        String colleagueSubject = teams.members(team.id()).stream()
                .filter(member -> colleague.equals(member.email()))
                .map(MemberSummary::subject)
                .findFirst()
                .orElseThrow();
        teams.changeRole(team.id(), colleagueSubject, TeamRole.OWNER);
        teams.removeMember(team.id(), colleagueSubject);
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        String again = mail.lastToken(colleague, "/invitation");
        signInAs(colleague, Role.DEVELOPER);
        teams.acceptInvitation(again);
        teams.removeMember(team.id(), colleagueSubject);
        signInAs(owner, Role.DEVELOPER);

        List<AuditRecord> log = teamLog();

        assertThat(log)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(
                        "Member added",
                        "Invitation sent",
                        "Invitation accepted",
                        "Member added",
                        "Role changed",
                        "Member removed",
                        "Invitation sent",
                        "Invitation accepted",
                        "Member added",
                        "Member left");
        assertThat(log).allSatisfy(record -> {
            assertThat(record.teamId()).isEqualTo(team.id());
            assertThat(record.clientId()).isNull();
        });
        AuditRecord roleChanged = log.stream()
                .filter(record -> record.action().equals("Role changed"))
                .findFirst()
                .orElseThrow();
        assertThat(change(roleChanged, "Role")).isEqualTo(new FieldChange("Role", "Developer", "Owner"));
        assertThat(change(roleChanged, "Member").newValue()).contains(colleague);
        AuditRecord left = log.getFirst();
        assertThat(left.actor()).as("the member who left acted").isNotEqualTo(roleChanged.actor());
        assertThat(log)
                .noneSatisfy(record -> assertThat(record.changes().toString()).contains(token));
    }

    @Test
    void a_revoked_invitation_and_one_that_expired_unused_are_recorded_once_each() {
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        UUID pending = teams.pendingInvitations(team.id()).getFirst().id();
        teams.revokeInvitation(pending);
        teams.invite(team.id(), "audit-late-" + UUID.randomUUID() + "@example.com", TeamRole.DEVELOPER);

        clock.advance(Duration.ofDays(8));
        teams.recordExpiredInvitations();
        teams.recordExpiredInvitations();

        List<AuditRecord> log = teamLog();
        assertThat(log)
                .filteredOn(record -> record.action().equals("Invitation revoked"))
                .singleElement()
                .satisfies(record ->
                        assertThat(change(record, "Invited address").newValue()).isEqualTo(colleague));
        assertThat(log)
                .filteredOn(record -> record.action().equals("Invitation expired"))
                .singleElement()
                .satisfies(record -> assertThat(record.actor()).isEqualTo("Portal"));
    }

    @Test
    void granting_and_revoking_the_reviewer_role_is_recorded_with_the_administrator_as_actor() {
        String email = "audit-reviewer-" + UUID.randomUUID() + "@example.com";
        UUID account = UUID.fromString(TestAccounts.ensure(accounts, email, "Rita Reviewer", "correct horse 42!"));
        signInAs("audit-admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);

        accounts.setReviewer(account, true);
        accounts.setReviewer(account, true);
        accounts.setReviewer(account, false);

        List<AuditRecord> log = java.util.stream.Stream.of("Reviewer role granted", "Reviewer role revoked")
                .flatMap(action -> audit.search(AuditFilter.ALL.withAction(action), 0, 50).stream())
                .filter(record -> record.changes().toString().contains(email))
                .toList();
        assertThat(log)
                .extracting(AuditRecord::action)
                .as("setting the role an account already has changes nothing")
                .containsExactly("Reviewer role granted", "Reviewer role revoked");
        assertThat(log).allSatisfy(record -> {
            assertThat(record.teamId()).isNull();
            assertThat(record.clientId()).isNull();
        });
    }

    @Test
    void creating_and_revoking_initial_access_tokens_is_recorded_with_their_hint_never_their_value() {
        NewInitialAccessToken sandbox = tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1);
        NewInitialAccessToken production = tokens.create(team.id(), Environment.PRODUCTION, TokenLifetime.ONE_HOUR, 2);
        tokens.revoke(team.id(), production.view().id());
        tokens.revoke(team.id(), production.view().id());

        List<AuditRecord> log = teamLog();

        assertThat(log)
                .extracting(AuditRecord::action)
                .containsSubsequence(
                        "Production registration token revoked",
                        "Production registration token created",
                        "Sandbox registration token created");
        assertThat(log)
                .filteredOn(record -> record.action().endsWith("revoked"))
                .hasSize(1);
        assertThat(log.toString())
                .contains(production.view().displayHint())
                .doesNotContain(production.token().value(), sandbox.token().value());
    }

    @Test
    void the_filters_combine_and_pages_follow_each_other_without_overlap() {
        for (int i = 0; i < 7; i++) {
            tokens.create(team.id(), TokenLifetime.ONE_HOUR, 1);
            clock.advance(Duration.ofSeconds(1));
        }
        signInAs("audit-admin@example.com", Role.ADMIN);
        AuditFilter created = AuditFilter.ALL.withTeam(team.id()).withAction("Sandbox registration token created");

        List<AuditRecord> first = audit.search(created, 0, 5);
        List<AuditRecord> second = audit.search(created, 5, 5);

        assertThat(audit.count(created)).isEqualTo(7);
        assertThat(first).hasSize(5);
        assertThat(second).hasSize(2);
        assertThat(first.getLast().at()).isAfter(second.getFirst().at());
        assertThat(audit.count(
                        created.between(first.get(1).at(), first.getFirst().at())))
                .as("from is inclusive, to exclusive")
                .isEqualTo(1);
        assertThat(audit.count(created.withActor("nobody-by-that-name"))).isZero();
        assertThat(audit.actions()).contains("Sandbox registration token created", "Member added");
    }

    @Test
    void only_administrators_read_the_portal_wide_log() {
        signInAs(SignedIn.as(owner, Role.DEVELOPER, Role.REVIEWER));

        assertThatThrownBy(() -> audit.search(AuditFilter.ALL, 0, 10))
                .isInstanceOf(CurrentUser.AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.ALL)).isInstanceOf(CurrentUser.AccessDeniedException.class);
        assertThatThrownBy(() -> audit.teams()).isInstanceOf(CurrentUser.AccessDeniedException.class);
    }
}
