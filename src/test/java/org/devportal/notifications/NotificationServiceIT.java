package org.devportal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.NoticeTarget;
import org.devportal.base.Notifying;
import org.devportal.review.ReviewSubmitted;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Read marks per user, the badge count, the typed links of notifications and who may open them, and the reviewers'
 * opt-in to e-mails about new submissions, on the real database.
 */
class NotificationServiceIT extends IntegrationTest {

    /** Any event that notifies, as the other modules publish them. */
    record Announced(List<Notice> notices) implements Notifying {}

    @Autowired
    NotificationService notifications;

    @Autowired
    TeamService teams;

    @Autowired
    ApplicationEventPublisher events;

    private final String owner = "bell-owner-" + UUID.randomUUID() + "@example.com";
    private final String colleague = "bell-colleague-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;

    @BeforeEach
    void aTeamOfTwo() {
        team = signInWithANewTeam(owner, "Bell", Role.DEVELOPER);
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        SignedIn.as(colleague, Role.DEVELOPER);
        teams.acceptInvitation(mail.lastToken(colleague, "/invitation"));
    }

    private UUID announceToTeam(String message) {
        UUID clientId = UUID.randomUUID();
        events.publishEvent(new Announced(List.of(Notice.toTeam(team.id(), clientId, message))));
        return clientId;
    }

    private TeamNotification mine(String message) {
        return notifications.recentForMe(50).stream()
                .filter(notification -> notification.message().equals(message))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void each_member_reads_a_team_notification_on_their_own_and_the_badge_counts_what_they_have_not_read() {
        announceToTeam("Ledger: approved by Rita");
        announceToTeam("Payroll: rejected by Rita");
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(notifications.unreadCountForMe()).isEqualTo(2);
        assertThat(notifications.recentForMe(20)).noneMatch(TeamNotification::read);

        notifications.open(mine("Ledger: approved by Rita").id());

        assertThat(notifications.unreadCountForMe()).isEqualTo(1);
        assertThat(mine("Ledger: approved by Rita").read()).isTrue();
        assertThat(mine("Payroll: rejected by Rita").read()).isFalse();
        SignedIn.as(colleague, Role.DEVELOPER);
        assertThat(notifications.unreadCountForMe())
                .as("the colleague has read nothing yet")
                .isEqualTo(2);

        SignedIn.as(owner, Role.DEVELOPER);
        notifications.markRead(mine("Ledger: approved by Rita").id(), false);
        assertThat(notifications.unreadCountForMe()).isEqualTo(2);
        notifications.markAllReadForMe();
        assertThat(notifications.unreadCountForMe()).isZero();
        assertThat(notifications.recentForMe(20)).allMatch(TeamNotification::read);
        notifications.markAllReadForMe();
        assertThat(notifications.unreadCountForMe()).isZero();

        SignedIn.as(colleague, Role.DEVELOPER);
        assertThat(notifications.unreadCountForMe()).isEqualTo(2);
    }

    @Test
    void a_notification_links_to_its_client_or_team_page_as_a_kind_and_an_id() {
        UUID clientId = announceToTeam("Ledger: changes requested by Rita");
        events.publishEvent(new Announced(List.of(Notice.toTeam(team.id(), null, "Rita joined the team"))));

        assertThat(notifications.open(mine("Ledger: changes requested by Rita").id()))
                .hasValue(NoticeTarget.client(clientId))
                .get()
                .extracting(NoticeTarget::path)
                .isEqualTo("/clients/" + clientId);
        assertThat(notifications.open(mine("Rita joined the team").id()))
                .map(NoticeTarget::path)
                .hasValue("/teams/" + team.id());
    }

    @Test
    void nobody_outside_the_team_can_open_or_mark_its_notifications_even_with_the_id() {
        announceToTeam("Ledger: suspended in production by Rita");
        UUID id = mine("Ledger: suspended in production by Rita").id();

        SignedIn.as("bell-outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER, Role.REVIEWER);

        assertThat(notifications.recentForMe(50))
                .noneMatch(notification -> notification.id().equals(id));
        assertThatThrownBy(() -> notifications.open(id)).isInstanceOf(NotificationNotFoundException.class);
        assertThatThrownBy(() -> notifications.markRead(id, true)).isInstanceOf(NotificationNotFoundException.class);
        assertThatThrownBy(() -> notifications.open(UUID.randomUUID()))
                .isInstanceOf(NotificationNotFoundException.class);
    }

    @Test
    void a_new_submission_links_reviewers_to_the_review_and_each_reviewer_has_their_own_read_marks() {
        UUID reviewId = UUID.randomUUID();
        String message = "New submission: Ledger " + reviewId + " from " + team.name();
        events.publishEvent(
                new ReviewSubmitted(UUID.randomUUID(), reviewId, team.id(), team.name(), "Ledger " + reviewId, "Ann"));
        String first = "bell-reviewer-" + UUID.randomUUID() + "@example.com";
        String second = "bell-reviewer-" + UUID.randomUUID() + "@example.com";

        SignedIn.as(first, Role.REVIEWER);
        int unreadBefore = notifications.unreadCountForMe();
        assertThat(notifications.open(mine(message).id()))
                .map(NoticeTarget::path)
                .hasValue("/review/" + reviewId);
        assertThat(notifications.unreadCountForMe()).isEqualTo(unreadBefore - 1);

        SignedIn.as(second, Role.REVIEWER);
        assertThat(mine(message).read()).isFalse();
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(notifications.recentForMe(50))
                .extracting(TeamNotification::message)
                .doesNotContain(message);
    }

    @Test
    void e_mails_about_new_submissions_are_off_until_a_reviewer_turns_them_on_and_end_with_the_role() {
        String reviewer = "bell-optin-" + UUID.randomUUID() + "@example.com";
        SignedIn.as(owner, Role.DEVELOPER);
        assertThat(notifications.emailSettingsForMe().reviewer()).isFalse();
        assertThatThrownBy(() -> notifications.setNewSubmissionEmails(true))
                .isInstanceOf(CurrentUser.AccessDeniedException.class);
        SignedIn.unverified(reviewer, Role.REVIEWER);
        assertThatThrownBy(() -> notifications.setNewSubmissionEmails(true)).hasMessageContaining("not verified");

        SignedIn.as(reviewer, Role.REVIEWER);
        assertThat(notifications.emailSettingsForMe()).isEqualTo(new EmailSettings(reviewer, true, false));
        notifications.setNewSubmissionEmails(true);
        assertThat(notifications.emailSettingsForMe().newSubmissions()).isTrue();

        SignedIn.as(reviewer, Role.DEVELOPER);
        notifications.unreadCountForMe();
        SignedIn.as(reviewer, Role.REVIEWER);
        assertThat(notifications.emailSettingsForMe().newSubmissions())
                .as("seen without the reviewer role, the reviewer stopped getting them")
                .isFalse();
    }
}
