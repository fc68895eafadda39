package org.devportal.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    ThreadMessage view() {
        return new ThreadMessage(id, authorName, fromReviewer, field, text, createdAt);
    }
}
