package org.devportal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.SnapshotConverter;

/** One submission of a client for production, with its frozen revision and, once decided, the decision. */
@Entity
@Table(name = "review")
class Review extends AbstractEntity {

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "team_name", nullable = false)
    private String teamName;

    @Column(nullable = false)
    private int revision;

    @Convert(converter = SnapshotConverter.class)
    @Column(name = "submitted_snapshot", nullable = false, columnDefinition = "text")
    private ClientSnapshot submitted;

    @Convert(converter = SnapshotConverter.class)
    @Column(name = "approved_snapshot", columnDefinition = "text")
    private ClientSnapshot approved;

    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewStatus status;

    @Column(name = "submitted_by_subject", nullable = false)
    private String submittedBySubject;

    @Column(name = "submitted_by_name", nullable = false)
    private String submittedByName;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_by_subject")
    private String decidedBySubject;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    protected Review() {}

    static Review submit(
            UUID clientId,
            UUID teamId,
            String teamName,
            int revision,
            ClientSnapshot submitted,
            ClientSnapshot approved,
            String note,
            String subject,
            String name,
            Instant now) {
        Review review = new Review();
        review.clientId = clientId;
        review.teamId = teamId;
        review.teamName = teamName;
        review.revision = revision;
        review.submitted = submitted;
        review.approved = approved;
        review.note = note == null || note.isBlank() ? null : note.strip();
        review.status = ReviewStatus.WAITING;
        review.submittedBySubject = subject;
        review.submittedByName = name;
        review.submittedAt = now;
        return review;
    }

    void withdraw(Instant now) {
        requireWaiting();
        status = ReviewStatus.WITHDRAWN;
        decidedAt = now;
    }

    void decide(ReviewStatus decision, String reviewerSubject, String reviewerName, String comment, Instant now) {
        requireWaiting();
        if (decision == ReviewStatus.WAITING || decision == ReviewStatus.WITHDRAWN) {
            throw new IllegalArgumentException("Not a reviewer's decision: " + decision);
        }
        if (decision != ReviewStatus.APPROVED && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException(
                    decision == ReviewStatus.REJECTED
                            ? "Give the reason for the rejection"
                            : "Say what the team should change");
        }
        status = decision;
        decidedBySubject = reviewerSubject;
        decidedByName = reviewerName;
        decidedAt = now;
        decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    private void requireWaiting() {
        if (status != ReviewStatus.WAITING) {
            throw new AlreadyDecidedException(status, decidedByName);
        }
    }

    UUID clientId() {
        return clientId;
    }

    UUID teamId() {
        return teamId;
    }

    ReviewStatus status() {
        return status;
    }

    ReviewSummary summary(Instant now) {
        return new ReviewSummary(
                getId(),
                clientId,
                submitted.name(),
                teamId,
                teamName,
                revision,
                status,
                submittedByName,
                submittedAt,
                java.time.Duration.between(submittedAt, now).toDays(),
                decidedByName,
                decidedAt);
    }

    ReviewRecord record() {
        return new ReviewRecord(
                getId(),
                getVersion(),
                clientId,
                teamId,
                teamName,
                revision,
                submitted,
                approved,
                note,
                status,
                submittedBySubject,
                submittedByName,
                submittedAt,
                decidedByName,
                decidedAt,
                decisionComment);
    }
}
