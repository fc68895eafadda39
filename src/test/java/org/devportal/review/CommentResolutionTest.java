package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devportal.review.ReviewTest.snapshot;
import static org.devportal.review.RevisionDiffTest.round;

import java.time.Instant;
import java.util.List;
import org.devportal.clients.ClientSnapshot;
import org.junit.jupiter.api.Test;

class CommentResolutionTest {

    private static final Instant MARKED = Instant.parse("2026-11-30T09:15:00Z");

    private final ReviewRecord first = round(
            1,
            snapshot("Ledger Sync", List.of("https://ledger.example.com/callback"), List.of("vendors:read")),
            ReviewStatus.CHANGES_REQUESTED);

    private static ReviewRecord resubmitted(int revision, String name) {
        ClientSnapshot snapshot =
                snapshot(name, List.of("https://ledger.example.com/callback"), List.of("vendors:read"));
        return round(revision, snapshot, ReviewStatus.WAITING);
    }

    @Test
    void a_pinned_comment_is_open_until_a_later_submission_changes_its_field() {
        assertThat(CommentResolution.of("Client name", first.id(), List.of(first), null, null))
                .isNull();
        assertThat(CommentResolution.of(
                        "Client name", first.id(), List.of(resubmitted(2, "Ledger Vendor Sync"), first), null, null))
                .isEqualTo("The team changed Client name in revision 2");
    }

    @Test
    void a_later_submission_that_changes_another_field_leaves_the_comment_open() {
        assertThat(CommentResolution.of(
                        "Redirect URIs", first.id(), List.of(first, resubmitted(2, "Renamed")), null, null))
                .isNull();
    }

    @Test
    void the_first_round_that_changed_the_field_is_named_even_after_more_rounds() {
        List<ReviewRecord> rounds = List.of(
                resubmitted(4, "Renamed again"), resubmitted(3, "Renamed"), resubmitted(2, "Ledger Sync"), first);
        assertThat(CommentResolution.of("Client name", first.id(), rounds, null, null))
                .isEqualTo("The team changed Client name in revision 3");
    }

    @Test
    void a_comment_someone_marked_resolved_says_who_and_when() {
        assertThat(CommentResolution.of("Redirect URIs", first.id(), List.of(first), "Dana", MARKED))
                .isEqualTo("Marked resolved by Dana on 30 Nov 2026, 09:15 UTC");
    }

    @Test
    void a_change_to_the_field_is_the_resolution_shown_even_when_someone_also_marked_it() {
        assertThat(CommentResolution.of(
                        "Client name", first.id(), List.of(first, resubmitted(2, "Renamed")), "Dana", MARKED))
                .isEqualTo("The team changed Client name in revision 2");
    }

    @Test
    void a_message_pinned_to_no_field_is_neither_open_nor_resolved() {
        assertThat(CommentResolution.of(null, first.id(), List.of(first, resubmitted(2, "Renamed")), null, null))
                .isNull();
        ThreadMessage message = new ThreadMessage(first.id(), "Rita", true, null, "Looks good", MARKED, null);
        assertThat(message.open()).isFalse();
        assertThat(message.pinned()).isFalse();
    }
}
