package org.devportal.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoService;
import org.devportal.logos.LogoTestImages;
import org.devportal.review.ReviewRecord;
import org.devportal.review.ReviewService;
import org.devportal.review.ReviewStatus;
import org.devportal.review.ReviewSummary;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.TestClients;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewViewsIT extends ViewTest {

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    org.devportal.credentials.CredentialService credentials;

    @Autowired
    org.devportal.flowtest.FlowTests flowTests;

    private final String developer = "review-ui-dev-" + UUID.randomUUID() + "@example.com";
    private final String reviewer = "review-ui-reviewer-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void registerACompleteClient() {
        team = signInWithANewTeam(developer, "Review UI", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", "https://ledger.example.com/cb");
        logos.upload(
                client.id(), LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)), CropBox.of(0, 0, 400));
        client = clients.get(client.id());
        client = clients.update(
                client.id(),
                client.version(),
                TestClients.complete()
                        .withContacts(developer)
                        .withRedirectUri("https://ledger.example.com/cb")
                        .build());
    }

    /** Submits through the page and has the reviewer approve that first revision; the developer is signed in again. */
    private ClientDetails approvedThroughThePage() {
        ReviewRecord first = submitThroughThePage("");
        signInAs(reviewer, Role.REVIEWER);
        reviews.approve(first.id(), first.version(), null);
        signInAs(developer, Role.DEVELOPER);
        return clients.get(client.id());
    }

    private ReviewRecord submitThroughThePage(String note) {
        signInAs(developer, Role.DEVELOPER);
        navigate("clients/" + client.id() + "/review");
        HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("review-note")), note);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("submit-review")));
        return reviews.historyOf(client.id()).getFirst();
    }

    private void openAsReviewer(ReviewRecord review) {
        signInAs(reviewer, Role.REVIEWER);
        navigate("review/" + review.id());
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void the_team_submits_from_the_client_page_and_can_withdraw() {
        ReviewRecord review = submitThroughThePage("Nightly vendor sync");
        assertThat(review.note()).isEqualTo("Nightly vendor sync");
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.IN_REVIEW);
        assertThat(text(_get(Paragraph.class, spec -> spec.withId("review-status"))))
                .contains("Waiting for review");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("withdraw-review")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("confirm-withdraw")));
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.DRAFT);
    }

    @Test
    void a_refused_submission_lists_every_problem_on_the_page() {
        ClientDetails bare = clients.register(team.id(), ClientType.PUBLIC, "Bare App", "http://127.0.0.1/cb");
        navigate("clients/" + bare.id() + "/review");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("submit-review")));
        String problems = text(_get(UnorderedList.class, spec -> spec.withId("review-problems")));
        assertThat(problems).contains("Logo is required", "Terms of service URI is required", "http://127.0.0.1/cb");
        assertThat(clients.get(bare.id()).status()).isEqualTo(ClientStatus.DRAFT);
    }

    @Test
    void the_queue_lists_waiting_submissions_and_filters_by_team_and_age() {
        ReviewRecord review = submitThroughThePage("");
        signInAs(reviewer, Role.REVIEWER);
        navigate("review");
        @SuppressWarnings("unchecked")
        Grid<ReviewSummary> grid = _get(Grid.class, spec -> spec.withId("review-queue"));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("queue-team")), team.name());
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).id()).isEqualTo(review.id());
        assertThat(GridKt._get(grid, 0).waitingDays()).isZero();
        HasValueUtilsKt._setValue(
                _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("queue-min-days")), 1);
        assertThat(GridKt._size(grid)).isZero();
    }

    @Test
    void the_review_page_shows_checks_and_a_diff_with_risk_tags_against_the_approved_revision() {
        ClientDetails approved = approvedThroughThePage();
        clients.update(
                approved.id(),
                approved.version(),
                TestClients.from(approved)
                        .withRedirectUris("https://ledger.example.com/cb", "https://other-host.example.net/cb")
                        .withScopes("vendors:read", "accounts:read")
                        .build());
        ReviewRecord second = submitThroughThePage("Adds accounts");

        openAsReviewer(second);
        String checks = text(_get(Div.class, spec -> spec.withId("review-checks")));
        assertThat(checks)
                .contains(
                        "PASS https everywhere", "PASS Logo", "WARN Guided test", "WARN Redirect hosts and client URI");
        String diff = text(_get(Div.class, spec -> spec.withId("review-diff")));
        assertThat(diff).contains("Redirect URIs", "New redirect host", "Scope added");
        assertThat(diff).doesNotContain("Name changed", "Logo changed");
        assertThat(text(_get(Paragraph.class, spec -> spec.withId("review-evidence"))))
                .contains("No test run");
    }

    @Test
    void a_reviewer_approves_and_the_client_gets_its_production_client_id() {
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-approve")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-confirm")));
        assertThat(text(_get(Span.class, spec -> spec.withId("review-state")))).isEqualTo("Approved");
        assertThat(_find(Button.class, spec -> spec.withId("review-approve"))).isEmpty();
        signInAs(developer, Role.DEVELOPER);
        assertThat(clients.get(client.id()).productionClientId()).isNotNull();
    }

    @Test
    void requesting_changes_needs_a_comment_and_pins_comments_to_fields() {
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-request-changes")));
        assertThat(_get(TextArea.class, spec -> spec.withId("review-comment")).isInvalid())
                .isTrue();
        HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("review-comment")), "Use your own domain");
        @SuppressWarnings("unchecked")
        var field = (com.vaadin.flow.component.select.Select<String>)
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("pin-field"));
        HasValueUtilsKt._setValue(field, "Redirect URIs");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("pin-text")), "Not this host");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("pin-add")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-request-changes")));
        assertThat(text(_get(Span.class, spec -> spec.withId("review-state")))).isEqualTo("Changes requested");
        signInAs(developer, Role.DEVELOPER);
        navigate("clients/" + client.id() + "/review");
        assertThat(text(_get(Div.class, spec -> spec.withId("review-thread-messages"))))
                .contains("Use your own domain", "Redirect URIs", "Not this host");
    }

    @Test
    void a_reviewer_rejects_with_a_reason() {
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);
        HasValueUtilsKt._setValue(
                _get(TextArea.class, spec -> spec.withId("review-comment")), "Not a real integration");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-reject")));
        signInAs(developer, Role.DEVELOPER);
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.REJECTED);
    }

    @Test
    void a_decision_that_lost_a_race_shows_a_conflict_and_the_other_decision() {
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);
        signInAs("other-" + reviewer, Role.REVIEWER);
        reviews.reject(review.id(), review.version(), "Rejected first");
        signInAs(reviewer, Role.REVIEWER);
        NotificationsKt.clearNotifications();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-approve")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-confirm")));
        NotificationsKt.expectNotifications("Another reviewer decided first: rejected by other-"
                + reviewer.substring(0, reviewer.indexOf('@')) + ". Your decision was not recorded.");
        assertThat(text(_get(Span.class, spec -> spec.withId("review-state")))).isEqualTo("Rejected");
    }

    @Test
    void approving_asks_for_confirmation_with_the_risk_tags_and_nothing_is_decided_on_cancel() {
        ClientDetails approved = approvedThroughThePage();
        clients.update(
                approved.id(),
                approved.version(),
                TestClients.from(approved)
                        .withRedirectUris("https://ledger.example.com/cb", "https://other-host.example.net/cb")
                        .build());
        ReviewRecord second = submitThroughThePage("New host");
        openAsReviewer(second);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-approve")));
        assertThat(text(_get(UnorderedList.class, spec -> spec.withId("approve-risks"))))
                .contains("New redirect host (Redirect URIs)");
        assertThat(_find(TextArea.class, spec -> spec.withId("approve-acknowledgement")))
                .as("nothing fails, so nothing to acknowledge")
                .isEmpty();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-cancel")));

        assertThat(reviews.details(second.id()).review().status()).isEqualTo(ReviewStatus.WAITING);
        assertThat(text(_get(Span.class, spec -> spec.withId("review-state")))).isEqualTo("Waiting for review");
    }

    @Test
    void a_failing_check_needs_the_reviewers_written_acknowledgement_before_approval() {
        signInAs(developer, Role.DEVELOPER);
        client = clients.update(
                client.id(),
                client.version(),
                TestClients.from(clients.get(client.id()))
                        .withClientUri("https://pleo-ledger.example.com")
                        .build());
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), "Looks fine"))
                .as("the service refuses too, whatever the page does")
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("acknowledgement"))
                .hasMessageContaining("No platform branding");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("review-approve")));
        assertThat(text(_get(UnorderedList.class, spec -> spec.withId("approve-failing-checks"))))
                .contains("No platform branding", "pleo-ledger.example.com");
        TextArea acknowledgement = _get(TextArea.class, spec -> spec.withId("approve-acknowledgement"));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-confirm")));
        assertThat(acknowledgement.isInvalid()).isTrue();
        assertThat(acknowledgement.getErrorMessage()).contains("Write why you approve anyway");
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.WAITING);

        HasValueUtilsKt._setValue(acknowledgement, "The partner owns the pleo-ledger brand under licence");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("approve-confirm")));

        ReviewRecord decided = reviews.details(review.id()).review();
        assertThat(decided.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(decided.decisionComment())
                .contains("Approved despite failing checks (No platform branding)")
                .contains("owns the pleo-ledger brand under licence");
        assertThat(_find(ApproveDialog.class, spec -> {})).isEmpty();
    }

    @Test
    void a_second_round_shows_what_the_team_changed_and_the_pinned_comments_open_and_resolved() {
        ReviewRecord first = submitThroughThePage("");
        signInAs(reviewer, Role.REVIEWER);
        reviews.requestChanges(
                first.id(),
                first.version(),
                "Two things",
                java.util.Map.of("Client name", "Name what it syncs", "Redirect URIs", "Add a staging URI"));
        signInAs(developer, Role.DEVELOPER);
        ClientDetails current = clients.get(client.id());
        clients.update(
                current.id(),
                current.version(),
                TestClients.from(current).withName("Ledger Vendor Sync").build());
        ReviewRecord second = submitThroughThePage("Renamed");

        openAsReviewer(second);

        assertThat(text(_get(Paragraph.class, spec -> spec.withId("review-submitted"))))
                .contains("Round 2")
                .doesNotContain("First submission");
        String sincePrevious = text(_get(Div.class, spec -> spec.withId("review-diff-previous")));
        assertThat(sincePrevious).contains("Client name", "Name changed", "Ledger Sync", "Ledger Vendor Sync");
        assertThat(sincePrevious).doesNotContain("Redirect URIs", "Scopes");
        assertThat(text(_get(Div.class, spec -> spec.withId("review-diff"))))
                .as("against no approved revision every field is listed")
                .contains("Client name", "Redirect URIs", "+ https://ledger.example.com/cb");
        assertThat(text(_get(Div.class, spec -> spec.withId("open-comments"))))
                .contains("Open", "Redirect URIs", "Add a staging URI")
                .doesNotContain("Name what it syncs");
        assertThat(text(_get(Div.class, spec -> spec.withId("resolved-comments"))))
                .contains("Name what it syncs", "The team changed Client name in revision 2");

        com.vaadin.flow.component.html.Div open = _get(Div.class, spec -> spec.withId("open-comments"));
        ButtonKt._click(_get(open, Button.class, spec -> spec.withText("Mark resolved")));

        assertThat(text(_get(Div.class, spec -> spec.withId("open-comments"))))
                .contains("Every comment on a field is resolved");
        assertThat(text(_get(Div.class, spec -> spec.withId("resolved-comments"))))
                .contains("Add a staging URI", "Marked resolved by " + reviewer.substring(0, reviewer.indexOf('@')));
    }

    @Test
    void a_first_submission_says_so_and_has_no_diff_against_a_previous_round() {
        ReviewRecord review = submitThroughThePage("");
        openAsReviewer(review);

        assertThat(text(_get(Paragraph.class, spec -> spec.withId("review-submitted"))))
                .contains("First submission", "no revision of this client is approved yet");
        assertThat(_find(Div.class, spec -> spec.withId("review-diff-previous")))
                .isEmpty();
        assertThat(text(_get(Div.class, spec -> spec.withId("review-transcript"))))
                .contains("No guided flow test has finished yet");
    }

    @Test
    void the_reviewer_reads_the_latest_flow_test_step_by_step_with_its_masked_values_marked() {
        String tester = "review-ui-tester-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(tester, "Flow Tester", org.devportal.authserver.OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary testers = newTeam("Tested");
        ClientDetails tested = org.devportal.review.ReviewFixture.completeClient(
                clients,
                logos,
                testers.id(),
                "Ledger Tested",
                ClientType.CONFIDENTIAL,
                "https://ledger.example.com/cb");
        String secret = credentials
                .takeRevealAfterRegistration(tested.id())
                .orElseThrow()
                .value();
        org.devportal.review.ReviewFixture.passedFlowTest(
                flowTests, baseUrl(), clients.get(tested.id()), "https://ledger.example.com/cb", tester, secret);
        long version = clients.get(tested.id()).version();
        ReviewRecord review = reviews.submit(tested.id(), "");

        openAsReviewer(review);

        Div transcript = _get(Div.class, spec -> spec.withId("review-transcript"));
        assertThat(text(_get(Paragraph.class, spec -> spec.withId("review-transcript-about"))))
                .contains("Passed 4 of 4 checks", "review-ui-tester-", "version " + version, "vendors:read");
        java.util.List<com.vaadin.flow.component.details.Details> steps =
                _find(transcript, com.vaadin.flow.component.details.Details.class);
        assertThat(steps)
                .extracting(step -> step.getSummary().getElement().getTextRecursively())
                .anySatisfy(summary -> assertThat(summary).contains("Token exchange", "Passed"))
                .anySatisfy(summary -> assertThat(summary).contains("Refresh"));
        assertThat(steps).allSatisfy(step -> assertThat(step.isOpened()).isFalse());
        String all = text(transcript);
        assertThat(all).contains("POST", "/sandbox/oauth/token", "HTTP 200").doesNotContain(secret);
        assertThat(_find(transcript, Span.class, spec -> spec.withClasses("portal-masked")))
                .isNotEmpty()
                .allSatisfy(masked -> assertThat(text(masked)).containsPattern("…\\(\\d+\\)"));
    }
}
