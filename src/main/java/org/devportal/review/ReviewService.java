package org.devportal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Mailer;
import org.devportal.base.PortalProperties;
import org.devportal.base.Times;
import org.devportal.clients.Actor;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientLifecycle;
import org.devportal.clients.ClientNotFoundException;
import org.devportal.clients.ClientService;
import org.devportal.clients.MachineClientService;
import org.devportal.clients.Submission;
import org.devportal.flowtest.FlowTestSummary;
import org.devportal.flowtest.FlowTests;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.Role;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.teams.TeamMembership;
import org.devportal.teams.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of production review. Teams submit and withdraw their clients and answer in the thread;
 * reviewers see the queue and decide. Every method checks who may call it: team membership for the team's side,
 * the reviewer role and the four-eyes rule for decisions.
 */
@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final ReviewCommentRepository comments;
    private final ClientService clients;
    private final MachineClientService machineClients;
    private final ClientLifecycle lifecycle;
    private final TeamService teams;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final CurrentUser currentUser;
    private final PortalProperties portal;
    private final ReviewChecks checks;
    private final FlowTests flowTests;
    private final ClientEditors editors;
    private final StepUp stepUp;
    private final Clock clock;

    ReviewService(
            ReviewRepository reviews,
            ReviewCommentRepository comments,
            ClientService clients,
            MachineClientService machineClients,
            ClientLifecycle lifecycle,
            TeamService teams,
            ApplicationEventPublisher events,
            Mailer mailer,
            CurrentUser currentUser,
            PortalProperties portal,
            FlowTests flowTests,
            ClientEditors editors,
            StepUp stepUp,
            Clock clock) {
        this.reviews = reviews;
        this.comments = comments;
        this.clients = clients;
        this.machineClients = machineClients;
        this.lifecycle = lifecycle;
        this.teams = teams;
        this.events = events;
        this.mailer = mailer;
        this.currentUser = currentUser;
        this.portal = portal;
        this.checks = new ReviewChecks(portal.platformName(), portal.platformDomains());
        this.flowTests = flowTests;
        this.editors = editors;
        this.stepUp = stepUp;
        this.clock = clock;
    }

    /** Submits the client for review with a note for the reviewer; see {@link ClientService#submitForReview}. */
    @Transactional
    public ReviewRecord submit(UUID clientId, String note) {
        PortalUser user = currentUser.require();
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "Keep the note under 2000 characters");
        }
        Submission submission = clients.submitForReview(clientId, note);
        TeamMembership team = teams.requireMembership(submission.teamId());
        Review review = reviews.save(Review.submit(
                clientId,
                submission.teamId(),
                team.teamName(),
                reviews.countByClientId(clientId) + 1,
                submission.submitted(),
                submission.approved(),
                note,
                user.subject(),
                user.displayName(),
                clock.instant()));
        events.publishEvent(new ReviewSubmitted(
                clientId,
                review.getId(),
                submission.teamId(),
                team.teamName(),
                submission.submitted().name(),
                user.displayName()));
        return review.record();
    }

    /**
     * Submits a client for review on behalf of a machine caller that holds the team's authority, such as a production
     * registration with a team's production initial access token. The same queue and the same reviewers as a
     * portal submission; the actor shows as the submitter.
     */
    @Transactional
    public ReviewRecord submitAs(UUID clientId, Actor actor) {
        Submission submission = machineClients.submitForReview(clientId, actor);
        String teamName = teams.nameOf(submission.teamId());
        Review review = reviews.save(Review.submit(
                clientId,
                submission.teamId(),
                teamName,
                reviews.countByClientId(clientId) + 1,
                submission.submitted(),
                submission.approved(),
                null,
                actor.subject(),
                actor.displayName(),
                clock.instant()));
        events.publishEvent(new ReviewSubmitted(
                clientId,
                review.getId(),
                submission.teamId(),
                teamName,
                submission.submitted().name(),
                actor.displayName()));
        return review.record();
    }

    /** Takes the waiting submission back; the team can edit the client again. */
    @Transactional
    public void withdraw(UUID clientId) {
        clients.withdrawFromReview(clientId);
        Review review =
                reviews.findFirstByClientIdOrderByRevisionDesc(clientId).orElseThrow(ClientNotFoundException::new);
        review.withdraw(clock.instant());
        PortalUser user = currentUser.require();
        events.publishEvent(new ReviewWithdrawn(
                clientId, review.teamId(), review.record().submitted().name(), user.displayName()));
    }

    /** The client's submissions, newest first, for its team. */
    @Transactional(readOnly = true)
    public List<ReviewRecord> historyOf(UUID clientId) {
        clients.get(clientId);
        return reviews.findByClientIdOrderByRevisionDesc(clientId).stream()
                .map(Review::record)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ReviewSummary> queue(ReviewFilter filter, int offset, int limit) {
        currentUser.requireRole(Role.REVIEWER);
        Instant now = clock.instant();
        int size = Math.max(1, limit);
        return reviews
                .queue(
                        filter.statuses(),
                        now.minus(Duration.ofDays(filter.minWaitingDays())),
                        teamPattern(filter),
                        PageRequest.of(offset / size, size))
                .stream()
                .map(review -> review.summary(now))
                .toList();
    }

    @Transactional(readOnly = true)
    public int count(ReviewFilter filter) {
        currentUser.requireRole(Role.REVIEWER);
        return (int) reviews.countQueue(
                filter.statuses(),
                clock.instant().minus(Duration.ofDays(filter.minWaitingDays())),
                teamPattern(filter));
    }

    /** One submission as a reviewer sees it: the revision, the diff, the checks and the thread. */
    @Transactional(readOnly = true)
    public ReviewDetails details(UUID reviewId) {
        currentUser.requireRole(Role.REVIEWER);
        PortalUser reviewer = currentUser.require();
        Review review = reviews.findById(reviewId).orElseThrow(ReviewNotFoundException::new);
        ReviewRecord record = review.record();
        Optional<FourEyesException.Reason> tooClose = tooClose(review, reviewer);
        String whyNot = tooClose.isPresent()
                ? tooClose.get().message()
                : record.status() == ReviewStatus.WITHDRAWN
                        ? "The team withdrew this submission"
                        : record.status() != ReviewStatus.WAITING
                                ? "Decided: " + record.status().label().toLowerCase(Locale.ROOT)
                                        + (record.decidedBy() == null ? "" : " by " + record.decidedBy())
                                : null;
        Optional<FlowTestSummary> run = flowTests.latestRunForReview(record.clientId());
        String evidence = run.map(ReviewService::describe).orElse(null);
        List<ReviewRecord> rounds = roundsOf(record.clientId());
        ReviewRecord previous = rounds.stream()
                .filter(round -> round.revision() < record.revision())
                .findFirst()
                .orElse(null);
        return new ReviewDetails(
                record,
                RevisionDiff.of(record.approved(), previous, record.submitted()),
                checksOf(record, run),
                evidence,
                threadOf(record.clientId(), rounds),
                whyNot == null,
                whyNot);
    }

    /** The client's submissions, newest first. */
    private List<ReviewRecord> roundsOf(UUID clientId) {
        return reviews.findByClientIdOrderByRevisionDesc(clientId).stream()
                .map(Review::record)
                .toList();
    }

    private List<ThreadMessage> threadOf(UUID clientId, List<ReviewRecord> rounds) {
        return comments.findByClientIdOrderByCreatedAt(clientId).stream()
                .map(comment -> comment.view(rounds))
                .toList();
    }

    /**
     * The whole redacted transcript of the client's latest finished guided flow test, for reviewers, administrators
     * and members of the client's team; empty when no test has finished.
     */
    @Transactional(readOnly = true)
    public Optional<FlowTestSummary> latestTestTranscript(UUID clientId) {
        PortalUser user = currentUser.require();
        if (!user.hasRole(Role.REVIEWER) && !user.hasRole(Role.ADMIN)) {
            clients.get(clientId);
        }
        return flowTests.latestRunForReview(clientId);
    }

    /**
     * Marks a comment pinned to a field resolved, for a reviewer or a member of the client's team; the client's
     * history records who did. A comment is also resolved, without anyone marking it, once a later submission
     * changes its field.
     */
    @Transactional
    public ThreadMessage resolveComment(UUID commentId) {
        ReviewComment comment = comments.findById(commentId).orElseThrow(ReviewNotFoundException::new);
        requireThreadAccess(comment.clientId());
        List<ReviewRecord> rounds = roundsOf(comment.clientId());
        ThreadMessage current = comment.view(rounds);
        if (!current.pinned()) {
            throw new InvalidInputException("comment", "Only a comment pinned to a field can be resolved");
        }
        if (!current.open()) {
            throw new InvalidInputException("comment", "Already resolved: " + current.resolution());
        }
        PortalUser user = currentUser.require();
        Instant now = clock.instant();
        comment.markResolved(user.subject(), user.displayName(), now);
        events.publishEvent(new ReviewCommentResolved(
                comment.clientId(),
                rounds.getFirst().teamId(),
                comment.field(),
                comment.text(),
                user.subject(),
                user.displayName(),
                now));
        return comment.view(rounds);
    }

    /** The automatic checks of the submitted revision, with the latest guided test as evidence. */
    private List<CheckResult> checksOf(ReviewRecord record, Optional<FlowTestSummary> run) {
        Optional<String> passedSinceLastChange =
                run.filter(r -> r.passed() && !r.testAgain()).map(ReviewService::describe);
        return checks.of(record.submitted(), passedSinceLastChange);
    }

    private static String describe(FlowTestSummary run) {
        return (run.passed() ? "Passed " : "Failed: passed ") + run.passedChecks() + " of "
                + run.checks().size()
                + " checks on " + Times.DATE_TIME.format(run.finishedAt() == null ? run.startedAt() : run.finishedAt())
                + ", run by " + run.startedBy() + " with the redirect URI " + run.redirectUri()
                + (run.testAgain()
                        ? ". Since then a redirect URI or scope was added or changed, or the client type changed; "
                                + "the run no longer proves the client as submitted."
                        : ".");
    }

    /** Approves a revision that asks for no PKCE exception. */
    @Transactional
    public void approve(UUID reviewId, long basedOnVersion, String comment) {
        approveWith(reviewId, basedOnVersion, Approval.withComment(comment));
    }

    /**
     * Approves the revision; production serves it from now on. When the revision asks for a PKCE exception, the
     * approval grants it, with the reviewer's written reason as the comment, or refuses it. When an automatic check
     * fails, the reviewer must acknowledge it in writing; the acknowledgement goes into the thread and the history.
     */
    @Transactional
    public void approveWith(UUID reviewId, long basedOnVersion, Approval approval) {
        decide(reviewId, basedOnVersion, ReviewStatus.APPROVED, approval.comment(), Map.of(), approval);
    }

    /** Sends the revision back to the team with a required comment, and optionally comments pinned to fields. */
    @Transactional
    public void requestChanges(UUID reviewId, long basedOnVersion, String comment, Map<String, String> fieldComments) {
        decide(reviewId, basedOnVersion, ReviewStatus.CHANGES_REQUESTED, comment, fieldComments, null);
    }

    @Transactional
    public void reject(UUID reviewId, long basedOnVersion, String reason) {
        decide(reviewId, basedOnVersion, ReviewStatus.REJECTED, reason, Map.of(), null);
    }

    /** The client's review thread, for its team and for reviewers. */
    @Transactional(readOnly = true)
    public List<ThreadMessage> thread(UUID clientId) {
        requireThreadAccess(clientId);
        return threadOf(clientId, roundsOf(clientId));
    }

    /** Adds a message to the client's review thread. */
    @Transactional
    public ThreadMessage reply(UUID clientId, String text) {
        boolean reviewer = requireThreadAccess(clientId);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("reply", "Write a message first");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException("reply", "Keep the message under 4000 characters");
        }
        PortalUser user = currentUser.require();
        UUID reviewId = reviews.findFirstByClientIdOrderByRevisionDesc(clientId)
                .map(Review::getId)
                .orElse(null);
        return comments.save(new ReviewComment(
                        clientId,
                        reviewId,
                        user.subject(),
                        user.displayName(),
                        reviewer,
                        null,
                        text.strip(),
                        clock.instant()))
                .view(List.of());
    }

    private void decide(
            UUID reviewId,
            long basedOnVersion,
            ReviewStatus decision,
            String comment,
            Map<String, String> fieldComments,
            Approval approval) {
        PortalUser reviewer = currentUser.requireRole(Role.REVIEWER);
        Review review = reviews.findById(reviewId).orElseThrow(ReviewNotFoundException::new);
        Optional<FourEyesException.Reason> tooClose = tooClose(review, reviewer);
        if (tooClose.isPresent()) {
            throw new FourEyesException(tooClose.get());
        }
        fieldComments.keySet().stream()
                .filter(field -> ClientField.byLabel(field).isEmpty())
                .findFirst()
                .ifPresent(field -> {
                    throw new InvalidInputException("fieldComments", "There is no field \"" + field + "\" to pin to");
                });
        if (review.status() != ReviewStatus.WAITING) {
            throw new AlreadyDecidedException(review.status(), review.record().decidedBy());
        }
        if (review.getVersion() != basedOnVersion) {
            throw AlreadyDecidedException.concurrent();
        }
        if (decision == ReviewStatus.APPROVED) {
            stepUp.require(StepUpAction.APPROVE_REVIEW);
        }
        boolean grantPkceException = approval != null && pkceExceptionGranted(review.record(), approval);
        if (approval != null) {
            comment = withAcknowledgement(review.record(), approval, comment);
        }
        try {
            review.decide(decision, reviewer.subject(), reviewer.displayName(), comment, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("comment", e.getMessage());
        }
        try {
            reviews.saveAndFlush(review);
        } catch (OptimisticLockingFailureException e) {
            throw AlreadyDecidedException.concurrent();
        }
        UUID clientId = review.clientId();
        switch (decision) {
            case APPROVED ->
                lifecycle.approve(clientId, reviewer.subject(), reviewer.displayName(), comment, grantPkceException);
            case CHANGES_REQUESTED ->
                lifecycle.requestChanges(clientId, reviewer.subject(), reviewer.displayName(), comment);
            case REJECTED -> lifecycle.reject(clientId, reviewer.subject(), reviewer.displayName(), comment);
            default -> throw new IllegalStateException();
        }
        Instant now = clock.instant();
        if (comment != null && !comment.isBlank()) {
            comments.save(new ReviewComment(
                    clientId, reviewId, reviewer.subject(), reviewer.displayName(), true, null, comment.strip(), now));
        }
        fieldComments.forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                comments.save(new ReviewComment(
                        clientId,
                        reviewId,
                        reviewer.subject(),
                        reviewer.displayName(),
                        true,
                        field,
                        text.strip(),
                        now));
            }
        });
        ReviewRecord record = review.record();
        ReviewDecided decided = new ReviewDecided(
                clientId, record.teamId(), record.submitted().name(), decision, reviewer.displayName());
        events.publishEvent(decided);
        String message = decided.summary();
        String link = portal.url("/clients/" + clientId);
        for (String contact : record.submitted().contacts()) {
            mailer.send(
                    contact,
                    "Review of " + record.submitted().name() + ": " + decision.label(),
                    message + (comment == null || comment.isBlank() ? "" : "\n\n" + comment.strip())
                            + "\n\nOpen the client: " + link,
                    link);
        }
    }

    /**
     * The four-eyes rule: why the reviewer may not decide on this submission, if they may not. They may not when
     * they submitted it, changed the client since its last approval (so any field of the revision under review),
     * or are or ever were a member of the client's team since the client was created: leaving the team before the
     * decision and joining again after it does not help.
     */
    private Optional<FourEyesException.Reason> tooClose(Review review, PortalUser reviewer) {
        ReviewRecord record = review.record();
        if (reviewer.subject().equals(record.submittedBySubject())) {
            return Optional.of(FourEyesException.Reason.SUBMITTED);
        }
        if (editors.editedSince(record.clientId(), reviewer.subject(), lastApprovalBefore(record))) {
            return Optional.of(FourEyesException.Reason.EDITED);
        }
        if (memberOf(record.teamId())) {
            return Optional.of(FourEyesException.Reason.MEMBER);
        }
        if (teams.currentUserWasMemberSince(record.teamId(), lifecycle.createdAt(record.clientId()))) {
            return Optional.of(FourEyesException.Reason.FORMER_MEMBER);
        }
        return Optional.empty();
    }

    /** When the revision before this one was approved; null when none was. */
    private Instant lastApprovalBefore(ReviewRecord record) {
        return reviews.findByClientIdOrderByRevisionDesc(record.clientId()).stream()
                .map(Review::record)
                .filter(earlier -> earlier.revision() < record.revision())
                .filter(earlier -> earlier.status() == ReviewStatus.APPROVED)
                .map(ReviewRecord::decidedAt)
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether the approval grants the PKCE exception the revision asks for. A revision that asks for one needs an
     * answer, and a grant needs the reviewer's written reason (docs/client-rules.md, PKCE exception).
     */
    private static boolean pkceExceptionGranted(ReviewRecord review, Approval approval) {
        if (!review.submitted().pkceException()) {
            return false;
        }
        if (approval.pkceException() == null) {
            throw new InvalidInputException(
                    "pkceException", "The team asks for a PKCE exception: grant or refuse it before approving");
        }
        if (approval.pkceException() == PkceDecision.GRANT
                && (approval.comment() == null || approval.comment().isBlank())) {
            throw new InvalidInputException(
                    "comment", "Write why the PKCE exception is granted; the reason stays in the client's history");
        }
        return approval.pkceException() == PkceDecision.GRANT;
    }

    /**
     * The approval comment with the reviewer's acknowledgement of the failing checks, which an approval of a revision
     * with a failing check requires (docs/client-rules.md, decisions).
     */
    private String withAcknowledgement(ReviewRecord review, Approval approval, String comment) {
        List<String> failing = checksOf(review, flowTests.latestRunForReview(review.clientId())).stream()
                .filter(check -> check.verdict() == CheckResult.Verdict.FAIL)
                .map(CheckResult::name)
                .toList();
        if (failing.isEmpty()) {
            return comment;
        }
        String acknowledgement = approval.acknowledgement();
        if (acknowledgement == null || acknowledgement.isBlank()) {
            throw new InvalidInputException(
                    "acknowledgement",
                    "Failing checks: " + String.join(", ", failing)
                            + ". Write why you approve anyway; the acknowledgement stays in the client's history");
        }
        if (acknowledgement.length() > 2000) {
            throw new InvalidInputException("acknowledgement", "Keep the acknowledgement under 2000 characters");
        }
        String acknowledged =
                "Approved despite failing checks (" + String.join(", ", failing) + "): " + acknowledgement.strip();
        return comment == null || comment.isBlank() ? acknowledged : comment.strip() + "\n\n" + acknowledged;
    }

    /** Whether the current user may read and write the client's thread; returns true for a reviewer. */
    private boolean requireThreadAccess(UUID clientId) {
        PortalUser user = currentUser.require();
        if (user.hasRole(Role.REVIEWER)) {
            Optional<Review> any = reviews.findFirstByClientIdOrderByRevisionDesc(clientId);
            if (any.isPresent() && !memberOf(any.get().teamId())) {
                return true;
            }
        }
        clients.get(clientId);
        return false;
    }

    private boolean memberOf(UUID teamId) {
        return teams.isMember(teamId);
    }

    private static String teamPattern(ReviewFilter filter) {
        String team = filter.team() == null ? "" : filter.team().strip().toLowerCase(Locale.ROOT);
        return "%" + team.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
