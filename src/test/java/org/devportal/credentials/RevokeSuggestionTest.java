package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.SecretUsage;
import org.devportal.test.MutableClock;
import org.junit.jupiter.api.Test;

class RevokeSuggestionTest {

    private static final Duration QUIET = Duration.ofHours(24);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final Instant rotatedAt = clock.instant();

    @Test
    void an_old_secret_quiet_for_the_whole_period_while_the_new_one_is_in_use_is_suggested_for_revocation() {
        SecretView old =
                secret("old", SecretStatus.GRACE, rotatedAt.minus(Duration.ofDays(30)), rotatedAt.plusSeconds(60));
        SecretView newer = secret("new", SecretStatus.ACTIVE, rotatedAt, rotatedAt.plus(Duration.ofHours(2)));

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .hasValueSatisfying(suggestion -> {
                    assertThat(suggestion.old()).isEqualTo(old);
                    assertThat(suggestion.newer()).isEqualTo(newer);
                    assertThat(suggestion.quietSince()).isEqualTo(rotatedAt.plusSeconds(60));
                });
    }

    @Test
    void an_old_secret_used_within_the_period_is_not_suggested_yet() {
        SecretView old = secret(
                "old", SecretStatus.ACTIVE, rotatedAt.minus(Duration.ofDays(30)), rotatedAt.plus(Duration.ofHours(3)));
        SecretView newer = secret("new", SecretStatus.ACTIVE, rotatedAt, rotatedAt.plus(Duration.ofHours(4)));

        clock.advance(Duration.ofHours(26));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .isEmpty();

        clock.advance(Duration.ofHours(1));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .isPresent();
    }

    @Test
    void nothing_is_suggested_while_the_new_secret_has_not_been_used() {
        SecretView old = secret("old", SecretStatus.GRACE, rotatedAt.minus(Duration.ofDays(30)), null);
        SecretView newer = secret("new", SecretStatus.ACTIVE, rotatedAt, null);

        clock.advance(Duration.ofDays(3));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .isEmpty();
    }

    @Test
    void a_never_used_old_secret_counts_as_quiet_since_it_was_created() {
        SecretView old = secret("old", SecretStatus.ACTIVE, rotatedAt.minus(Duration.ofHours(20)), null);
        SecretView newer = secret("new", SecretStatus.ACTIVE, rotatedAt, rotatedAt.plusSeconds(5));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .isEmpty();

        clock.advance(Duration.ofHours(4));

        assertThat(RevokeSuggestion.of(List.of(old, newer), clock.instant(), QUIET))
                .hasValueSatisfying(
                        suggestion -> assertThat(suggestion.quietSince()).isEqualTo(old.createdAt()));
    }

    @Test
    void revoked_and_expired_secrets_and_a_single_secret_get_no_suggestion() {
        SecretView revoked = secret("revoked", SecretStatus.REVOKED, rotatedAt.minus(Duration.ofDays(60)), null);
        SecretView expired = secret("expired", SecretStatus.EXPIRED, rotatedAt.minus(Duration.ofDays(30)), null);
        SecretView current = secret("new", SecretStatus.ACTIVE, rotatedAt, rotatedAt.plusSeconds(5));

        clock.advance(Duration.ofDays(10));

        assertThat(RevokeSuggestion.of(List.of(revoked, expired, current), clock.instant(), QUIET))
                .isEmpty();
    }

    private static SecretView secret(String hint, SecretStatus status, Instant createdAt, Instant lastUsedAt) {
        return new SecretView(
                UUID.randomUUID(),
                "dpsbx_…" + hint,
                null,
                status,
                createdAt,
                "Dana",
                null,
                null,
                null,
                lastUsedAt,
                SecretUsage.Counts.NONE);
    }
}
