package org.devportal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message of a client's review thread, from a reviewer or from the team, optionally about one field. */
@Entity
@Table(name = "review_comment")
class ReviewComment {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id = UUID.randomUUID();

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "review_id")
    private UUID reviewId;

    @Column(name = "author_subject", nullable = false)
    private String authorSubject;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "from_reviewer", nullable = false)
    private boolean fromReviewer;

    private String field;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by_subject")
    private String resolvedBySubject;

    @Column(name = "resolved_by_name")
    private String resolvedByName;

    protected ReviewComment() {}

    ReviewComment(
            UUID clientId,
            UUID reviewId,
            String authorSubject,
            String authorName,
            boolean fromReviewer,
            String field,
            String text,
            Instant createdAt) {
        this.clientId = clientId;
        this.reviewId = reviewId;
        this.authorSubject = authorSubject;
        this.authorName = authorName;
        this.fromReviewer = fromReviewer;
        this.field = field;
        this.text = text;
        this.createdAt = createdAt;
    }

    /** Marks a pinned comment resolved; refuses a comment pinned to no field and one marked before. */
    void markResolved(String subject, String name, Instant now) {
        if (field == null) {
            throw new IllegalStateException("Only a comment pinned to a field can be resolved");
        }
        if (resolvedAt != null) {
            throw new IllegalStateException(resolvedByName + " already marked this comment resolved");
        }
        resolvedAt = now;
        resolvedBySubject = subject;
        resolvedByName = name;
    }

    /** The message, with how it was resolved if it is pinned; {@code rounds} are the client's submissions. */
    ThreadMessage view(List<ReviewRecord> rounds) {
        return new ThreadMessage(
                id,
                authorName,
                fromReviewer,
                field,
                text,
                createdAt,
                CommentResolution.of(field, reviewId, rounds, resolvedByName, resolvedAt));
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    String field() {
        return field;
    }

    String text() {
        return text;
    }
}
