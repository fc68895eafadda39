package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The four-eyes rule holds: nobody close to a submission decides on it, whatever they do with their memberships. */
class FourEyesIT extends IntegrationTest {

    private static final String CALLBACK = "https://four-eyes.example.com/callback";

    @Autowired
    TeamService teams;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    private final String developerEmail = "four-eyes-dev-" + UUID.randomUUID() + "@example.com";
    private final String reviewerEmail = "four-eyes-reviewer-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private TeamSummary team;

    @BeforeEach
    void aTeam() {
        developer = signInWithAccount(developerEmail, "Four Eyes Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Four Eyes");
    }

    @Test
    void a_reviewer_may_not_decide_on_a_submission_they_made_themselves() {
        String both = "submitting-reviewer-" + UUID.randomUUID() + "@example.com";
        TeamSummary own = signInWithANewTeam(both, "Own", Role.DEVELOPER, Role.REVIEWER);
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, own.id(), "Self Approval", ClientType.CONFIDENTIAL, CALLBACK);
        ReviewRecord review = reviews.submit(client.id(), "");

        assertRefused(both, review, FourEyesException.Reason.SUBMITTED, "You submitted this client");
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.IN_REVIEW);
    }

    @Test
    void a_reviewer_who_changed_the_revision_may_not_decide_even_after_leaving_the_team() {
        ClientDetails client = completeClient(team, "Edited By Reviewer");
        join(reviewerEmail);
        ClientDetails current = clients.get(client.id());
        clients.update(
                current.id(),
                current.version(),
                TestClients.complete()
                        .withName("Edited By Reviewer v2")
                        .withRedirectUri(CALLBACK)
                        .withType(ClientType.CONFIDENTIAL)
                        .build());
        leave(reviewerEmail);
        ReviewRecord review = submitAsDeveloper(client);

        assertRefused(review, FourEyesException.Reason.EDITED, "You changed this revision");
    }

    @Test
    void a_reviewer_who_left_the_team_before_the_decision_may_not_decide() {
        ClientDetails client = completeClient(team, "Left Before Deciding");
        join(reviewerEmail);
        leave(reviewerEmail);
        ReviewRecord review = submitAsDeveloper(client);

        assertRefused(review, FourEyesException.Reason.FORMER_MEMBER, "You were a member of this client's team");
        ReviewDetails details = reviews.details(review.id());
        assertThat(details.mayDecide()).isFalse();
        assertThat(details.whyNot()).contains("You were a member");
    }

    @Test
    void a_reviewer_who_is_a_member_may_not_decide() {
        ClientDetails client = completeClient(team, "Member Reviewer");
        ReviewRecord review = submitAsDeveloper(client);
        join(reviewerEmail);

        assertRefused(review, FourEyesException.Reason.MEMBER, "You are a member of this client's team");
    }

    @Test
    void a_membership_that_ended_before_the_client_was_created_does_not_count() {
        join(reviewerEmail);
        leave(reviewerEmail);
        clock.advance(Duration.ofMinutes(5));
        ClientDetails client = completeClient(team, "Created After Leaving");
        ReviewRecord review = submitAsDeveloper(client);

        // A passkey confirmed now, by the moved clock: approving asks for a recent second factor.
        SignedIn.withSecondFactorAt(clock.instant(), reviewerEmail, Role.REVIEWER);
        assertThat(reviews.details(review.id()).mayDecide()).isTrue();
        reviews.approve(review.id(), review.version(), null);
        asDeveloper();
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.APPROVED);
    }

    private void assertRefused(ReviewRecord review, FourEyesException.Reason reason, String message) {
        assertRefused(reviewerEmail, review, reason, message);
    }

    private void assertRefused(String reviewer, ReviewRecord review, FourEyesException.Reason reason, String message) {
        SignedIn.as(reviewer, Role.DEVELOPER, Role.REVIEWER);
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOfSatisfying(
                        FourEyesException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
        assertThatThrownBy(() -> reviews.reject(review.id(), review.version(), "No"))
                .isInstanceOf(FourEyesException.class);
    }

    private ClientDetails completeClient(TeamSummary owner, String name) {
        asDeveloper();
        return ReviewFixture.completeClient(clients, logos, owner.id(), name, ClientType.CONFIDENTIAL, CALLBACK);
    }

    private ReviewRecord submitAsDeveloper(ClientDetails client) {
        asDeveloper();
        return reviews.submit(client.id(), "");
    }

    private void join(String email) {
        asDeveloper();
        teams.invite(team.id(), email, TeamRole.DEVELOPER);
        String token = mail.lastToken(email, "/invitation");
        SignedIn.as(email, Role.REVIEWER);
        teams.acceptInvitation(token);
    }

    private void leave(String email) {
        String subject = SignedIn.as(email, Role.REVIEWER).getName();
        teams.removeMember(team.id(), subject);
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }
}
