package org.devportal.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.security.Role;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class TeamServiceIT extends IntegrationTest {

    @Autowired
    TeamService teams;

    private final String owner = "owner-" + UUID.randomUUID() + "@example.com";
    private final String colleague = "colleague-" + UUID.randomUUID() + "@example.com";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_developers_first_visit_creates_a_personal_team_they_own() {
        SignedIn.as(owner, Role.DEVELOPER);

        assertThat(teams.myTeams()).singleElement().satisfies(team -> {
            assertThat(team.personal()).isTrue();
            assertThat(team.myRole()).isEqualTo(TeamRole.OWNER);
            assertThat(team.memberCount()).isEqualTo(1);
        });
        assertThat(teams.myTeams()).hasSize(1);
    }

    @Test
    void a_developer_creates_and_renames_more_teams() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("  Acme Integrations ");

        assertThat(acme.name()).isEqualTo("Acme Integrations");
        assertThat(teams.renameTeam(acme.id(), "Acme").name()).isEqualTo("Acme");
        assertThat(teams.myTeams()).extracting(TeamSummary::name).contains("Acme");
        assertThatThrownBy(() -> teams.createTeam(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a team name");
    }

    @Test
    void an_invited_colleague_with_the_verified_address_joins_once() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.invite(acme.id(), colleague, TeamRole.DEVELOPER);
        String token = mail.lastToken(colleague, "/invitation");
        assertThat(teams.pendingInvitations(acme.id()))
                .extracting(InvitationSummary::email)
                .containsExactly(colleague);

        SignedIn.as(colleague, Role.DEVELOPER);
        assertThat(teams.previewInvitation(token).status()).isEqualTo(InvitationPreview.Status.ACCEPTABLE);
        assertThat(teams.acceptInvitation(token).myRole()).isEqualTo(TeamRole.DEVELOPER);

        assertThat(teams.requireMembership(acme.id()).role()).isEqualTo(TeamRole.DEVELOPER);
        assertThat(teams.previewInvitation(token).status()).isEqualTo(InvitationPreview.Status.USED);
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(teams.pendingInvitations(acme.id())).isEmpty();
        assertThat(teams.members(acme.id())).extracting(MemberSummary::email).containsExactly(owner, colleague);
    }

    @Test
    void an_invitation_cannot_be_accepted_by_another_address_or_an_unverified_one() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.invite(acme.id(), colleague, TeamRole.DEVELOPER);
        String token = mail.lastToken(colleague, "/invitation");

        SignedIn.as("someone-else-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThat(teams.previewInvitation(token).status()).isEqualTo(InvitationPreview.Status.OTHER_ADDRESS);
        assertThatThrownBy(() -> teams.acceptInvitation(token))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another e-mail address");

        SignedIn.unverified(colleague, Role.DEVELOPER);
        assertThatThrownBy(() -> teams.acceptInvitation(token))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Verify your e-mail address");
        assertThatThrownBy(() -> teams.requireMembership(acme.id())).isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void an_invitation_expires_after_seven_days() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.invite(acme.id(), colleague, TeamRole.OWNER);
        String token = mail.lastToken(colleague, "/invitation");

        clock.advance(Duration.ofDays(7).plusSeconds(1));

        SignedIn.as(colleague, Role.DEVELOPER);
        assertThat(teams.previewInvitation(token).status()).isEqualTo(InvitationPreview.Status.EXPIRED);
        assertThatThrownBy(() -> teams.acceptInvitation(token)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_revoked_or_replaced_invitation_stops_working() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.invite(acme.id(), colleague, TeamRole.DEVELOPER);
        String first = mail.lastToken(colleague, "/invitation");
        InvitationSummary second = teams.invite(acme.id(), colleague, TeamRole.OWNER);
        String secondToken = mail.lastToken(colleague, "/invitation");
        teams.revokeInvitation(second.id());

        SignedIn.as(colleague, Role.DEVELOPER);
        assertThat(teams.previewInvitation(first).status()).isEqualTo(InvitationPreview.Status.REVOKED);
        assertThat(teams.previewInvitation(secondToken).status()).isEqualTo(InvitationPreview.Status.REVOKED);
    }

    @Test
    void only_owners_invite_and_a_team_always_keeps_an_owner() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.invite(acme.id(), colleague, TeamRole.DEVELOPER);
        String token = mail.lastToken(colleague, "/invitation");
        SignedIn.as(colleague, Role.DEVELOPER);
        teams.acceptInvitation(token);
        String colleagueSubject = teams.members(acme.id()).stream()
                .filter(MemberSummary::you)
                .findFirst()
                .orElseThrow()
                .subject();

        assertThatThrownBy(() -> teams.invite(acme.id(), "x@example.com", TeamRole.DEVELOPER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Only the team's owners can do this");

        SignedIn.as(owner, Role.DEVELOPER);
        String ownerSubject = teams.members(acme.id()).stream()
                .filter(MemberSummary::you)
                .findFirst()
                .orElseThrow()
                .subject();
        assertThatThrownBy(() -> teams.changeRole(acme.id(), ownerSubject, TeamRole.DEVELOPER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one owner");
        assertThatThrownBy(() -> teams.removeMember(acme.id(), ownerSubject))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one owner");

        teams.changeRole(acme.id(), colleagueSubject, TeamRole.OWNER);
        teams.removeMember(acme.id(), ownerSubject);
        assertThatThrownBy(() -> teams.requireMembership(acme.id())).isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void a_team_is_not_found_for_someone_who_is_not_a_member() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);

        assertThatThrownBy(() -> teams.team(acme.id())).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> teams.members(acme.id())).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> teams.renameTeam(acme.id(), "Mine")).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> teams.invite(acme.id(), "me@example.com", TeamRole.OWNER))
                .isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void inviting_a_member_again_or_a_malformed_address_is_refused_with_the_reason() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");

        assertThatThrownBy(() -> teams.invite(acme.id(), owner, TeamRole.DEVELOPER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already a member");
        assertThatThrownBy(() -> teams.invite(acme.id(), "not an address", TeamRole.DEVELOPER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("e-mail address");
    }

    @Test
    void the_last_used_team_is_the_personal_one_until_another_team_is_opened() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary personal = teams.myTeams().getFirst();
        TeamSummary acme = teams.createTeam("Acme");

        assertThat(teams.lastUsedTeam().id()).isEqualTo(personal.id());

        teams.rememberTeamUsed(acme.id());
        assertThat(teams.lastUsedTeam().id()).isEqualTo(acme.id());

        clock.advance(Duration.ofMinutes(1));
        teams.rememberTeamUsed(personal.id());
        assertThat(teams.lastUsedTeam().id()).isEqualTo(personal.id());
    }

    @Test
    void the_last_used_team_is_remembered_per_account_and_never_for_a_team_one_does_not_belong_to() {
        SignedIn.as(owner, Role.DEVELOPER);
        TeamSummary acme = teams.createTeam("Acme");
        teams.rememberTeamUsed(acme.id());

        SignedIn.as(colleague, Role.DEVELOPER);
        TeamSummary colleaguesPersonal = teams.myTeams().getFirst();
        teams.rememberTeamUsed(acme.id());

        assertThat(teams.lastUsedTeam().id()).isEqualTo(colleaguesPersonal.id());
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(teams.lastUsedTeam().id()).isEqualTo(acme.id());
    }
}
