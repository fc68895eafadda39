package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.StepUpAction;
import org.devportal.security.StepUpRequiredException;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step-up in the services: revealing the first production secret, rotating one, approving a review and suspending
 * a client each refuse a session whose last second factor is older than five minutes (or that never had one), change
 * nothing, and go ahead once the second factor is fresh.
 */
class StepUpIT extends IntegrationTest {

    private static final String CALLBACK = "https://stepup.example.com/callback";
    private static final Duration STALE = Duration.ofMinutes(6);

    @Autowired
    AccountService accounts;

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

    private final String developerEmail = "stepup-dev-" + UUID.randomUUID() + "@example.com";
    private final String reviewerEmail = "stepup-reviewer-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private ClientDetails client;
    private ReviewRecord review;

    @BeforeEach
    void submitAClient() {
        developer =
                TestAccounts.ensure(accounts, developerEmail, "Step Dev", "a long enough passphrase", Role.DEVELOPER);
        developerWithSecondFactorAgo(Duration.ZERO);
        var team = newTeam("Step Up");
        client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Step Up Ledger", ClientType.CONFIDENTIAL, CALLBACK);
        review = reviews.submit(client.id(), "");
    }

    private void developerWithSecondFactorAgo(Duration ago) {
        SignedIn.withSubjectAndSecondFactorAt(developer, clock.instant().minus(ago), developerEmail, Role.DEVELOPER);
    }

    private void reviewerWithSecondFactorAgo(Duration ago) {
        SignedIn.withSecondFactorAt(clock.instant().minus(ago), reviewerEmail, Role.REVIEWER);
    }

    private void approved() {
        reviewerWithSecondFactorAgo(Duration.ZERO);
        reviews.approve(review.id(), review.version(), null);
    }

    @Test
    void approving_a_review_with_a_stale_second_factor_is_refused_and_goes_ahead_after_a_fresh_one() {
        reviewerWithSecondFactorAgo(STALE);

        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOfSatisfying(
                        StepUpRequiredException.class,
                        e -> assertThat(e.action()).isEqualTo(StepUpAction.APPROVE_REVIEW))
                .hasMessageContaining("approve a review");
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.WAITING);

        reviewerWithSecondFactorAgo(Duration.ofMinutes(4));
        reviews.approve(review.id(), review.version(), null);

        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void a_sign_in_with_a_password_only_cannot_approve() {
        SignedIn.withoutSecondFactor(reviewerEmail, Role.REVIEWER);

        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOf(StepUpRequiredException.class);
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.WAITING);
    }

    @Test
    void requesting_changes_needs_no_step_up() {
        reviewerWithSecondFactorAgo(STALE);

        reviews.requestChanges(review.id(), review.version(), "Please add a privacy policy link.", java.util.Map.of());

        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
    }

    @Test
    void revealing_the_first_production_secret_needs_a_fresh_second_factor() {
        approved();
        developerWithSecondFactorAgo(STALE);

        assertThatThrownBy(() -> credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW))
                .isInstanceOfSatisfying(
                        StepUpRequiredException.class,
                        e -> assertThat(e.action()).isEqualTo(StepUpAction.REVEAL_PRODUCTION_SECRET));
        assertThat(credentials.secrets(client.id(), SecretEnvironment.PRODUCTION))
                .isEmpty();

        developerWithSecondFactorAgo(Duration.ofSeconds(30));
        assertThat(credentials
                        .rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW)
                        .value())
                .isNotBlank();
        assertThat(credentials.secrets(client.id(), SecretEnvironment.PRODUCTION))
                .hasSize(1);
    }

    @Test
    void rotating_a_production_secret_needs_a_fresh_second_factor_but_a_sandbox_one_does_not() {
        approved();
        developerWithSecondFactorAgo(Duration.ZERO);
        credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW);

        clock.advance(STALE);
        assertThatThrownBy(() -> credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW))
                .isInstanceOfSatisfying(
                        StepUpRequiredException.class,
                        e -> assertThat(e.action()).isEqualTo(StepUpAction.ROTATE_PRODUCTION_SECRET));
        assertThat(credentials.secrets(client.id(), SecretEnvironment.PRODUCTION))
                .hasSize(1);
        assertThat(credentials
                        .rotate(client.id(), SecretEnvironment.SANDBOX, GracePeriod.NOW)
                        .value())
                .isNotBlank();

        developerWithSecondFactorAgo(Duration.ZERO);
        credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW);
        assertThat(credentials.secrets(client.id(), SecretEnvironment.PRODUCTION))
                .hasSize(2);
    }

    @Test
    void suspending_a_client_needs_a_fresh_second_factor() {
        approved();
        reviewerWithSecondFactorAgo(STALE);

        assertThatThrownBy(() -> access.suspend(client.id(), "Leaked tokens in a public repository"))
                .isInstanceOfSatisfying(
                        StepUpRequiredException.class,
                        e -> assertThat(e.action()).isEqualTo(StepUpAction.SUSPEND_CLIENT));
        assertThat(access.of(client.id()).suspended()).isFalse();

        reviewerWithSecondFactorAgo(Duration.ZERO);
        assertThat(access.suspend(client.id(), "Leaked tokens in a public repository")
                        .suspended())
                .isTrue();
        developerWithSecondFactorAgo(Duration.ZERO);
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.APPROVED);
    }
}
