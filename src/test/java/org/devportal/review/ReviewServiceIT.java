package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubmissionRefusedException;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.logos.LogoService;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

class ReviewServiceIT extends IntegrationTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";
    private static final String NEW_CALLBACK = "https://ledger.example.com/v2/callback";

    @Autowired
    TeamService teams;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    CredentialService credentials;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.devportal.flowtest.FlowTests flowTests;

    private final String developerEmail = "reviewed-dev-" + UUID.randomUUID() + "@example.com";
    private final String reviewerEmail = "reviewer-" + UUID.randomUUID() + "@example.com";
    private String developer;
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void registerACompleteClient() {
        developer = signInWithAccount(developerEmail, "Reviewed Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Reviewed");
        client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
    }

    private void asDeveloper() {
        SignedIn.withSubject(developer, developerEmail, Role.DEVELOPER);
    }

    private void asReviewer() {
        SignedIn.as(reviewerEmail, Role.REVIEWER);
    }

    private ReviewRecord submit(String note) {
        asDeveloper();
        return reviews.submit(client.id(), note);
    }

    @Test
    void a_submission_lengthens_the_review_queue_gauge_and_its_wait_shows_in_the_oldest_age() {
        double queued = meters.get("portal.review.queue.length").gauge().value();

        submit("Reads vendors nightly");
        clock.advance(java.time.Duration.ofHours(3));

        assertThat(meters.get("portal.review.queue.length").gauge().value()).isEqualTo(queued + 1);
        assertThat(meters.get("portal.review.queue.oldest.age").gauge().value()).isGreaterThanOrEqualTo(3 * 3600);
        asDeveloper();
        reviews.withdraw(client.id());
        assertThat(meters.get("portal.review.queue.length").gauge().value()).isEqualTo(queued);
    }

    @Test
    void a_submission_that_breaks_the_production_rules_is_refused_field_by_field() {
        ClientDetails loopback = ReviewFixture.completeClient(
                clients, logos, team.id(), "Desk App", ClientType.PUBLIC, "http://127.0.0.1/callback");
        assertThatThrownBy(() -> reviews.submit(loopback.id(), ""))
                .isInstanceOfSatisfying(
                        SubmissionRefusedException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.field()).isEqualTo("redirectUris")));
        ClientDetails bare = clients.register(team.id(), ClientType.CONFIDENTIAL, "Bare", CALLBACK);
        assertThatThrownBy(() -> reviews.submit(bare.id(), ""))
                .isInstanceOfSatisfying(
                        SubmissionRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(SubmissionRefusedException.FieldProblem::field)
                                .contains("logo", "tosUri"));
        assertThat(clients.get(bare.id()).status()).isEqualTo(ClientStatus.DRAFT);
    }

    @Test
    void a_submission_reaches_the_queue_and_a_client_in_review_cannot_be_edited_until_withdrawn() {
        ReviewRecord review = submit("Reads vendors nightly");
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.IN_REVIEW);
        ClientDetails current = clients.get(client.id());
        assertThatThrownBy(() -> clients.update(current.id(), current.version(), ClientUpdate.of(current)))
                .hasMessageContaining("review");

        asReviewer();
        assertThat(reviews.queue(new ReviewFilter(Set.of(ReviewStatus.WAITING), 0, team.name()), 0, 10))
                .extracting(ReviewSummary::id)
                .containsExactly(review.id());
        assertThat(notifications.recentForMe(20))
                .extracting(TeamNotification::message)
                .anyMatch(m -> m.contains("New submission: Ledger Sync"));

        asDeveloper();
        reviews.withdraw(client.id());
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.DRAFT);
        asReviewer();
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOf(AlreadyDecidedException.class)
                .hasMessageContaining("withdrew");
    }

    @Test
    void a_reviewer_who_belongs_to_the_clients_team_cannot_decide() {
        ReviewRecord review = submit("");
        String memberReviewer = "member-reviewer-" + UUID.randomUUID() + "@example.com";
        TeamSummary other = signInWithANewTeam(memberReviewer, "Other", Role.REVIEWER);
        assertThat(other).isNotNull();
        asDeveloper();
        teams.invite(team.id(), memberReviewer, org.devportal.teams.TeamRole.DEVELOPER);
        String token = mail.lastToken(memberReviewer, "/invitation");
        SignedIn.as(memberReviewer, Role.REVIEWER);
        teams.acceptInvitation(token);

        ReviewDetails details = reviews.details(review.id());
        assertThat(details.mayDecide()).isFalse();
        assertThat(details.whyNot()).contains("member");
        assertThatThrownBy(() -> reviews.approve(review.id(), review.version(), null))
                .isInstanceOf(FourEyesException.class);
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.IN_REVIEW);
    }

    @Test
    void when_two_reviewers_decide_the_second_gets_a_conflict_and_only_one_decision_is_recorded() {
        ReviewRecord review = submit("");
        asReviewer();
        long seenVersion = reviews.details(review.id()).review().version();
        reviews.approve(review.id(), seenVersion, "Looks good");
        SignedIn.as("second-" + reviewerEmail, Role.REVIEWER);
        assertThatThrownBy(() -> reviews.reject(review.id(), seenVersion, "No"))
                .isInstanceOf(AlreadyDecidedException.class)
                .hasMessageContaining("decided first");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_id = ? and action in (?, ?)",
                        Integer.class,
                        client.id(),
                        "Approved",
                        "Rejected"))
                .isEqualTo(1);
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void requesting_changes_needs_a_comment_and_the_team_sees_the_thread_with_pinned_comments() {
        ReviewRecord review = submit("");
        asReviewer();
        assertThatThrownBy(() -> reviews.requestChanges(review.id(), review.version(), "", Map.of()))
                .hasMessageContaining("change");
        reviews.requestChanges(
                review.id(),
                review.version(),
                "Please use your own domain",
                Map.of("Redirect URIs", "Use https://app.ledger.example.com"));
        asDeveloper();
        assertThat(clients.get(client.id()).status()).isEqualTo(ClientStatus.CHANGES_REQUESTED);
        assertThat(reviews.thread(client.id()))
                .extracting(ThreadMessage::text)
                .containsExactlyInAnyOrder("Please use your own domain", "Use https://app.ledger.example.com");
        assertThat(reviews.thread(client.id()))
                .anySatisfy(m -> assertThat(m.field()).isEqualTo("Redirect URIs"));
        reviews.reply(client.id(), "Done, resubmitting");
        assertThat(notifications.recentForMe(10))
                .extracting(TeamNotification::message)
                .anyMatch(m -> m.contains("changes requested"));
        String history = jdbc.queryForList("select action, changes from audit_entry where client_id = ?", client.id())
                .toString();
        assertThat(history).contains("Submitted for review", "Changes requested", "Please use your own domain");
    }

    @Test
    void a_non_member_cannot_submit_or_read_the_thread() {
        SignedIn.as("stranger-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> reviews.submit(client.id(), "")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> reviews.thread(client.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> reviews.queue(ReviewFilter.waiting(), 0, 10)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void before_sign_in_only_the_production_issuer_sends_request_errors_back_to_an_approved_client() {
        ReviewRecord review = submit("");
        asReviewer();
        reviews.approve(review.id(), review.version(), null);
        asDeveloper();
        ClientDetails approved = clients.get(client.id());
        SecurityContextHolder.clearContext();
        OAuthFlow flow = new OAuthFlow(baseUrl());

        HttpResponse<String> production = flow.browser.get(flow.authorizeUrl(
                "/production",
                approved.productionClientId().toString(),
                CALLBACK,
                "vendors:read users:write",
                "reviewed",
                Map.of()));
        assertThat(production.statusCode()).as(production.body()).isEqualTo(302);
        String location = production.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?");
        assertThat(OAuthFlow.query(location))
                .containsEntry("error", "invalid_scope")
                .containsEntry("state", "reviewed")
                .containsEntry("iss", baseUrl() + "/production");

        // The same client in the sandbox, where its redirect URIs can change without a review.
        HttpResponse<String> sandbox = flow.browser.get(flow.authorizeUrl(
                "/sandbox",
                approved.sandboxClientId().toString(),
                CALLBACK,
                "vendors:read users:write",
                "unreviewed",
                Map.of()));
        assertThat(sandbox.statusCode()).isEqualTo(400);
        assertThat(sandbox.headers().firstValue("Location")).isEmpty();
        assertThat(sandbox.body()).contains("invalid_scope").contains("before you sign in");
    }

    @Test
    void production_allows_cors_from_the_approved_origins_of_an_approved_public_client() {
        String host = "spa-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        ClientDetails spa = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Dashboard", ClientType.PUBLIC, "https://" + host + "/callback");
        ReviewRecord review = reviews.submit(spa.id(), "");
        asReviewer();
        reviews.approve(review.id(), review.version(), null);
        asDeveloper();
        String productionId = clients.get(spa.id()).productionClientId().toString();
        SecurityContextHolder.clearContext();
        OAuthFlow flow = new OAuthFlow(baseUrl());

        HttpResponse<String> preflight = flow.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/production/oauth/token"))
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://" + host)
                        .header("Access-Control-Request-Method", "POST")
                        .build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://" + host);

        HttpResponse<String> token = flow.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/production/oauth/token"))
                        .header("Origin", "https://" + host)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=refresh_token&refresh_token=unknown&client_id=" + productionId))
                        .build());
        assertThat(token.statusCode()).as(token.body()).isIn(400, 401);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("https://" + host);

        // The sandbox client ID names no client at production.
        HttpResponse<String> sandboxId = flow.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/production/oauth/token"))
                        .header("Origin", "https://" + host)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=refresh_token&refresh_token=unknown&client_id=" + spa.sandboxClientId()))
                        .build());
        assertThat(sandboxId.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void production_serves_the_last_approved_revision_while_a_new_one_is_in_review() {
        ReviewRecord first = submit("");
        asReviewer();
        reviews.approve(first.id(), first.version(), null);
        asDeveloper();
        ClientDetails approved = clients.get(client.id());
        assertThat(approved.productionClientId()).isNotNull();
        ClientSecret productionSecret = credentials.rotate(client.id(), SecretEnvironment.PRODUCTION, GracePeriod.NOW);
        assertThat(productionSecret.value()).startsWith("dpprd_");

        clients.update(
                approved.id(),
                approved.version(),
                TestClients.from(approved).withRedirectUri(NEW_CALLBACK).build());
        ReviewRecord second = reviews.submit(client.id(), "New callback");
        SecurityContextHolder.clearContext();

        String productionId = approved.productionClientId().toString();
        OAuthFlow flow = new OAuthFlow(baseUrl());
        HttpResponse<String> newUri = flow.browser.get(
                flow.authorizeUrl("/production", productionId, NEW_CALLBACK, "vendors:read", "s", Map.of()));
        assertThat(newUri.statusCode())
                .as("the new redirect URI is not approved yet")
                .isEqualTo(400);
        assertThat(productionToken(flow, productionId, CALLBACK, productionSecret))
                .isEqualTo(200);
        HttpResponse<String> sandboxSecret = flow.token(
                "/production",
                productionId,
                "dpsbx_" + "x".repeat(49),
                Map.of("grant_type", "refresh_token", "refresh_token", "x"));
        assertThat(sandboxSecret.statusCode()).isEqualTo(401);

        asReviewer();
        reviews.approve(second.id(), second.version(), "New callback approved");
        SecurityContextHolder.clearContext();
        HttpResponse<String> oldUri = new OAuthFlow(baseUrl())
                .browser.get(flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "s", Map.of()));
        assertThat(oldUri.statusCode())
                .as("the old redirect URI is gone after approval")
                .isEqualTo(400);
        assertThat(productionToken(new OAuthFlow(baseUrl()), productionId, NEW_CALLBACK, productionSecret))
                .isEqualTo(200);
    }

    /** Submits, has a reviewer ask for changes with a comment pinned to the client name, and returns the round. */
    private ReviewRecord firstRoundWithPinnedName() {
        ReviewRecord first = submit("");
        asReviewer();
        reviews.requestChanges(
                first.id(), first.version(), "Almost there", Map.of("Client name", "Name what it syncs"));
        return first;
    }

    private ReviewRecord resubmitWith(java.util.function.UnaryOperator<TestClients.Builder> change) {
        asDeveloper();
        ClientDetails current = clients.get(client.id());
        clients.update(
                current.id(),
                current.version(),
                change.apply(TestClients.from(current)).build());
        return reviews.submit(client.id(), "Second round");
    }

    @Test
    void a_second_round_shows_only_what_the_team_changed_since_its_previous_submission() {
        ReviewRecord first = firstRoundWithPinnedName();
        ReviewRecord second = resubmitWith(b -> b.withName("Ledger Vendor Sync"));

        asReviewer();
        ReviewDetails details = reviews.details(second.id());

        assertThat(details.diffs().previousRevision()).isEqualTo(first.revision());
        assertThat(details.diffs().previousOutcome()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(details.diffs().sincePrevious()).singleElement().satisfies(name -> {
            assertThat(name.field()).isEqualTo("Client name");
            assertThat(name.before()).isEqualTo("Ledger Sync");
            assertThat(name.after()).isEqualTo("Ledger Vendor Sync");
        });
        assertThat(details.diffs().firstApproval()).isTrue();
        assertThat(details.diff())
                .as("against no approved revision every field is new")
                .filteredOn(FieldDiff::changed)
                .extracting(FieldDiff::field)
                .contains("Client name", "Redirect URIs", "Scopes");
    }

    @Test
    void a_comment_pinned_to_a_field_is_resolved_when_the_team_changes_that_field() {
        firstRoundWithPinnedName();
        ReviewRecord second = submitAgainUnchanged();
        asReviewer();
        reviews.requestChanges(
                second.id(), second.version(), "Still the same", Map.of("Redirect URIs", "Use a path per environment"));
        ReviewRecord third = resubmitWith(b -> b.withName("Ledger Vendor Sync"));

        asReviewer();
        ReviewDetails details = reviews.details(third.id());

        assertThat(details.resolvedComments()).singleElement().satisfies(comment -> {
            assertThat(comment.field()).isEqualTo("Client name");
            assertThat(comment.resolution()).isEqualTo("The team changed Client name in revision 3");
        });
        assertThat(details.openComments())
                .extracting(ThreadMessage::field, ThreadMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Redirect URIs", "Use a path per environment"));
    }

    private ReviewRecord submitAgainUnchanged() {
        asDeveloper();
        return reviews.submit(client.id(), "Nothing changed yet");
    }

    @Test
    void a_team_member_marks_a_pinned_comment_resolved_and_the_history_says_who() {
        firstRoundWithPinnedName();
        asDeveloper();
        ThreadMessage pinned = reviews.thread(client.id()).stream()
                .filter(ThreadMessage::pinned)
                .findFirst()
                .orElseThrow();
        assertThat(pinned.open()).isTrue();

        ThreadMessage resolved = reviews.resolveComment(pinned.id());

        assertThat(resolved.open()).isFalse();
        String developerName = developerEmail.substring(0, developerEmail.indexOf('@'));
        assertThat(resolved.resolution()).startsWith("Marked resolved by " + developerName + " on ");
        assertThatThrownBy(() -> reviews.resolveComment(pinned.id()))
                .isInstanceOf(org.devportal.base.InvalidInputException.class)
                .hasMessageContaining("Already resolved");
        assertThat(jdbc.queryForList(
                        "select actor_name, changes from audit_entry where client_id = ? and action = ?",
                        client.id(),
                        "Review comment resolved"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("actor_name")).isEqualTo(developerName);
                    assertThat(entry.get("changes").toString())
                            .contains("Comment on Client name", "Name what it syncs");
                });
        SignedIn.as("stranger-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> reviews.resolveComment(pinned.id())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_comment_cannot_be_pinned_to_a_field_the_client_does_not_have() {
        ReviewRecord review = submit("");
        asReviewer();
        assertThatThrownBy(() -> reviews.requestChanges(
                        review.id(), review.version(), "Fix it", Map.of("Favourite colour", "Blue please")))
                .isInstanceOf(org.devportal.base.InvalidInputException.class)
                .hasMessageContaining("Favourite colour");
        assertThat(reviews.details(review.id()).review().status()).isEqualTo(ReviewStatus.WAITING);
    }

    @Test
    void the_reviewer_reads_the_whole_redacted_transcript_and_an_outsider_is_refused() {
        asDeveloper();
        String secret = credentials
                .takeRevealAfterRegistration(client.id())
                .orElseThrow()
                .value();
        org.devportal.flowtest.FlowTestSummary run = ReviewFixture.passedFlowTest(
                flowTests, baseUrl(), clients.get(client.id()), CALLBACK, developerEmail, secret);
        assertThat(run.passed()).as(run.toString()).isTrue();
        long testedVersion = clients.get(client.id()).version();
        submit("Tested");

        asReviewer();
        org.devportal.flowtest.FlowTestSummary transcript =
                reviews.latestTestTranscript(client.id()).orElseThrow();

        assertThat(transcript.runId()).isEqualTo(run.runId());
        assertThat(transcript.startedBy()).isEqualTo(developerEmail.substring(0, developerEmail.indexOf('@')));
        assertThat(transcript.clientVersion()).isEqualTo(testedVersion);
        assertThat(transcript.steps())
                .extracting(org.devportal.flowtest.StepOutcome::step)
                .containsSubsequence(
                        org.devportal.flowtest.FlowStep.AUTHORIZATION_REQUEST,
                        org.devportal.flowtest.FlowStep.CALLBACK,
                        org.devportal.flowtest.FlowStep.TOKEN_EXCHANGE,
                        org.devportal.flowtest.FlowStep.API_CALL,
                        org.devportal.flowtest.FlowStep.REFRESH);
        String exchanges = transcript.steps().stream()
                .flatMap(step -> step.exchanges().stream())
                .map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(exchanges).contains("POST", "/sandbox/oauth/token", "…(").doesNotContain(secret);

        SignedIn.as("outsider-" + UUID.randomUUID() + "@example.com", Role.DEVELOPER);
        assertThatThrownBy(() -> reviews.latestTestTranscript(client.id()))
                .isInstanceOf(org.devportal.clients.ClientNotFoundException.class);
        asDeveloper();
        assertThat(reviews.latestTestTranscript(client.id())).isPresent();
    }

    @Test
    void removing_a_redirect_uri_or_a_scope_keeps_the_test_evidence_but_adding_one_does_not() {
        asDeveloper();
        ClientDetails current = clients.get(client.id());
        current = clients.update(
                current.id(),
                current.version(),
                TestClients.from(current)
                        .withRedirectUris(CALLBACK, NEW_CALLBACK)
                        .withScopes("vendors:read", "accounts:read")
                        .build());
        String secret = credentials
                .takeRevealAfterRegistration(client.id())
                .orElseThrow()
                .value();
        ReviewFixture.passedFlowTest(flowTests, baseUrl(), current, CALLBACK, developerEmail, secret);
        clock.advance(java.time.Duration.ofMinutes(5));
        current = clients.get(client.id());
        current = clients.update(
                current.id(),
                current.version(),
                TestClients.from(current)
                        .withRedirectUris(CALLBACK)
                        .withScopes("vendors:read")
                        .build());
        ReviewRecord review = reviews.submit(client.id(), "Narrowed");

        asReviewer();
        assertThat(reviews.details(review.id()).checks())
                .filteredOn(check -> check.name().equals("Guided test"))
                .singleElement()
                .satisfies(check -> assertThat(check.verdict()).isEqualTo(CheckResult.Verdict.PASS));

        asDeveloper();
        reviews.withdraw(client.id());
        clock.advance(java.time.Duration.ofMinutes(5));
        current = clients.get(client.id());
        clients.update(
                current.id(),
                current.version(),
                TestClients.from(current)
                        .withRedirectUris(CALLBACK, NEW_CALLBACK)
                        .build());
        ReviewRecord widened = reviews.submit(client.id(), "Widened");
        asReviewer();
        assertThat(reviews.details(widened.id()).checks())
                .filteredOn(check -> check.name().equals("Guided test"))
                .singleElement()
                .satisfies(check -> assertThat(check.verdict()).isEqualTo(CheckResult.Verdict.WARN));
    }

    private int productionToken(OAuthFlow flow, String productionId, String redirectUri, ClientSecret secret) {
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, redirectUri, "vendors:read", "p", Map.of()),
                developerEmail,
                "/production",
                productionId,
                List.of("vendors:read"));
        assertThat(callback.get("iss")).isEqualTo(baseUrl() + "/production");
        HttpResponse<String> tokens = flow.token(
                "/production", productionId, secret.value(), OAuthFlow.codeExchange(callback.get("code"), redirectUri));
        if (tokens.statusCode() == 200) {
            String accessToken =
                    json.readTree(tokens.body()).get("access_token").asString();
            assertThat(flow.api("/production/api/v1/vendors", accessToken).statusCode())
                    .isEqualTo(200);
            assertThat(flow.api("/sandbox/api/v1/vendors", accessToken).statusCode())
                    .isEqualTo(401);
        }
        return tokens.statusCode();
    }
}
