package org.devportal.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.Times;
import org.devportal.clients.ClientField;

/**
 * Whether a comment pinned to a field is still open. It is resolved once a later submission of the client changes
 * that field from what the commented round had, or once someone marks it resolved; a change says more than a mark, so
 * it is the resolution shown when there are both. A comment pinned to no field is neither open nor resolved.
 */
final class CommentResolution {

    private CommentResolution() {}

    /**
     * @param field the label of the field the comment is pinned to, or null
     * @param reviewId the submission the comment was made on
     * @param rounds every submission of the client, in any order
     * @param markedBy who marked the comment resolved, or null
     * @param markedAt when, or null
     * @return how the comment was resolved, or null while it is open or when it is not pinned
     */
    static String of(String field, UUID reviewId, List<ReviewRecord> rounds, String markedBy, Instant markedAt) {
        if (field == null) {
            return null;
        }
        Optional<String> changed = changedIn(field, reviewId, rounds)
                .map(round -> "The team changed " + field + " in revision " + round.revision());
        if (changed.isPresent()) {
            return changed.get();
        }
        return markedAt == null ? null : "Marked resolved by " + markedBy + " on " + Times.DATE_TIME.format(markedAt);
    }

    /** The first submission after the commented one whose value of the field differs from the commented one's. */
    private static Optional<ReviewRecord> changedIn(String label, UUID reviewId, List<ReviewRecord> rounds) {
        Optional<ClientField> field = ClientField.byLabel(label);
        Optional<ReviewRecord> commented =
                rounds.stream().filter(round -> round.id().equals(reviewId)).findFirst();
        if (field.isEmpty() || commented.isEmpty()) {
            return Optional.empty();
        }
        String then = field.get().textIn(commented.get().submitted());
        return rounds.stream()
                .filter(round -> round.revision() > commented.get().revision())
                .sorted(Comparator.comparingInt(ReviewRecord::revision))
                .filter(round -> !Objects.equals(field.get().textIn(round.submitted()), then))
                .findFirst();
    }
}
