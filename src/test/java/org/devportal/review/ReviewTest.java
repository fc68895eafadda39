package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.clients.redirecturi.RedirectUri;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    static ClientSnapshot snapshot(String name, List<String> redirectUris, List<String> scopes) {
        return new ClientSnapshot(
                name,
                "https://ledger.example.com",
                "a".repeat(64),
                "https://ledger.example.com/terms",
                "https://ledger.example.com/privacy",
                List.of("dev@ledger.example.com"),
                "https://ledger.example.com/connect",
                "https://ledger.example.com/settings",
                redirectUris.stream().map(RedirectUri::of).toList(),
                scopes,
                ClientType.CONFIDENTIAL,
                true,
                SubjectTypePreference.NONE);
    }

    private final Review review = Review.submit(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Ledger team",
            1,
            snapshot("Ledger Sync", List.of("https://ledger.example.com/callback"), List.of("vendors:read")),
            null,
            "Please look",
            "dana",
            "Dana",
            NOW);

    @Test
    void a_reviewer_approves_a_waiting_submission() {
        review.decide(ReviewStatus.APPROVED, "rita", "Rita", null, NOW);
        assertThat(review.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(review.record().decidedBy()).isEqualTo("Rita");
    }

    @Test
    void requesting_changes_and_rejecting_need_a_comment() {
        assertThatThrownBy(() -> review.decide(ReviewStatus.CHANGES_REQUESTED, "rita", "Rita", " ", NOW))
                .hasMessageContaining("change");
        assertThatThrownBy(() -> review.decide(ReviewStatus.REJECTED, "rita", "Rita", null, NOW))
                .hasMessageContaining("reason");
        review.decide(ReviewStatus.REJECTED, "rita", "Rita", "Not a real integration", NOW);
        assertThat(review.record().decisionComment()).isEqualTo("Not a real integration");
    }

    @Test
    void a_decided_submission_cannot_be_decided_again() {
        review.decide(ReviewStatus.APPROVED, "rita", "Rita", null, NOW);
        assertThatThrownBy(() -> review.decide(ReviewStatus.REJECTED, "ray", "Ray", "No", NOW))
                .isInstanceOf(AlreadyDecidedException.class)
                .hasMessageContaining("Rita");
    }

    @Test
    void a_withdrawn_submission_cannot_be_decided() {
        review.withdraw(NOW);
        assertThatThrownBy(() -> review.decide(ReviewStatus.APPROVED, "rita", "Rita", null, NOW))
                .isInstanceOf(AlreadyDecidedException.class)
                .hasMessageContaining("withdrew");
    }

    @Test
    void withdrawing_or_waiting_is_not_a_reviewers_decision() {
        assertThatThrownBy(() -> review.decide(ReviewStatus.WITHDRAWN, "rita", "Rita", "x", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
