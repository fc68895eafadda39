package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.logos.LogoService;
import org.devportal.notifications.NotificationService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;

/**
 * The e-mails around a review, as the test SMTP server receives them: a new submission to the reviewers who asked
 * for it, and every decision and change of production access to the client's contacts.
 */
class ReviewEmailsIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    ProductionAccessService access;

    @Autowired
    CredentialService credentials;

    @Autowired
    NotificationService notifications;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String developerEmail = "mailed-dev-" + suffix + "@example.com";
    private final String contact = "contact-" + suffix + "@ledger.example.com";
    private final String optedIn = "opted-in-reviewer-" + suffix + "@example.com";
    private final String notOptedIn = "quiet-reviewer-" + suffix + "@example.com";
    private String developer;
    private TeamSummary team;

    @BeforeEach
    void aTeamWithADeveloper() {
        developer = signInWithAccount(developerEmail, "Mailed Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Mailed");
    }

    @AfterEach
    void reviewersStopTheirEmails() {
        // The opt-in is portal-wide: left on, every later submission of the test run would be mailed to them.
        SignedIn.as(optedIn, Role.REVIEWER);
        notifications.setNewSubmissionEmails(false);
    }

    private ClientDetails completeClient(String name) {
        asDeveloper();
        ClientDetails client =
                ReviewFixture.completeClient(clients, logos, team.id(), name, ClientType.CONFIDENTIAL, CALLBACK);
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withContacts(contact).build());
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }

    private ReviewRecord submit(ClientDetails client) {
        asDeveloper();
        return reviews.submit(client.id(), "Reads vendors nightly");
    }

    private void asReviewer() {
        SignedIn.as(notOptedIn, Role.REVIEWER);
    }

    private List<SimpleMailMessage> mailAbout(String clientName) {
        return mail.sentTo(contact).stream()
                .filter(message -> message.getSubject().contains(clientName))
                .toList();
    }

    @Test
    void only_reviewers_who_opted_in_get_an_email_linking_to_the_review_of_a_new_submission() {
        SignedIn.as(optedIn, Role.REVIEWER);
        assertThat(notifications.emailSettingsForMe().newSubmissions())
                .as("off by default")
                .isFalse();
        notifications.setNewSubmissionEmails(true);
        ClientDetails client = completeClient("Payroll Bridge " + suffix);

        ReviewRecord review = submit(client);

        assertThat(mail.sentTo(optedIn)).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("New submission: " + client.name() + " from " + team.name());
            assertThat(message.getText())
                    .contains(baseUrl() + "/review/" + review.id())
                    .contains(baseUrl() + NotificationService.SETTINGS_PATH);
        });
        assertThat(mail.sentTo(notOptedIn)).isEmpty();
        assertThat(mail.sentTo(developerEmail))
                .as("the submitting team reads it in the portal")
                .isEmpty();
    }

    @Test
    void each_review_decision_is_mailed_to_the_clients_contacts_with_a_link_to_the_client() {
        ClientDetails approved = completeClient("Approved App " + suffix);
        ClientDetails changes = completeClient("Changes App " + suffix);
        ClientDetails rejected = completeClient("Rejected App " + suffix);
        ReviewRecord first = submit(approved);
        ReviewRecord second = submit(changes);
        ReviewRecord third = submit(rejected);

        asReviewer();
        reviews.approve(first.id(), first.version(), "Looks right");
        reviews.requestChanges(second.id(), second.version(), "Use the company's legal name", Map.of());
        reviews.reject(third.id(), third.version(), "Not a customer of the platform");

        assertThat(mailAbout(approved.name())).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Review of " + approved.name() + ": Approved");
            assertThat(message.getText()).contains("Looks right", baseUrl() + "/clients/" + approved.id());
        });
        assertThat(mailAbout(changes.name())).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Review of " + changes.name() + ": Changes requested");
            assertThat(message.getText())
                    .contains("Use the company's legal name", baseUrl() + "/clients/" + changes.id());
        });
        assertThat(mailAbout(rejected.name())).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Review of " + rejected.name() + ": Rejected");
            assertThat(message.getText())
                    .contains("Not a customer of the platform", baseUrl() + "/clients/" + rejected.id());
        });
    }

    @Test
    void suspension_reinstatement_and_revoked_approval_are_mailed_to_the_contacts_without_any_secret() {
        ClientDetails client = completeClient("Incident App " + suffix);
        ClientSecret secret = ReviewFixture.approveForProduction(reviews, clients, credentials, client.id(), notOptedIn)
                .secret();

        asReviewer();
        access.suspend(client.id(), "Incident 12: leaked token");
        access.reinstate(client.id(), "Incident 12 closed");
        access.revokeApproval(client.id(), "Integration abandoned", client.name());

        assertThat(mailAbout(client.name()))
                .extracting(SimpleMailMessage::getSubject)
                .containsExactly(
                        "Review of " + client.name() + ": Approved",
                        client.name() + ": suspended in production by " + reviewerName(),
                        client.name() + ": reinstated in production by " + reviewerName(),
                        client.name() + ": no longer approved for production by " + reviewerName());
        assertThat(mailAbout(client.name()))
                .allSatisfy(message -> assertThat(message.getText())
                        .contains(baseUrl() + "/clients/" + client.id())
                        .doesNotContain(secret.value()));
        assertThat(mailAbout(client.name()).get(1).getText()).contains("Incident 12: leaked token");
        assertThat(mailAbout(client.name()).get(3).getText()).contains("Integration abandoned");
    }

    @Test
    void a_reviewer_who_submits_a_client_of_their_own_team_gets_no_email_about_that_submission() {
        SignedIn.as(optedIn, Role.REVIEWER, Role.DEVELOPER);
        notifications.setNewSubmissionEmails(true);
        TeamSummary ownTeam = newTeam("Reviewer's own");
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, ownTeam.id(), "Own App " + suffix, ClientType.CONFIDENTIAL, CALLBACK);

        reviews.submit(client.id(), "Reads vendors nightly");
        asDeveloper();
        submit(completeClient("Team App " + suffix));

        assertThat(mail.sentTo(optedIn))
                .extracting(SimpleMailMessage::getSubject)
                .as("only the submission someone else made")
                .containsExactly("New submission: Team App " + suffix + " from " + team.name());
    }

    private String reviewerName() {
        return notOptedIn.substring(0, notOptedIn.indexOf('@'));
    }
}
