package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.devportal.base.InvalidInputException;
import org.devportal.test.MutableClock;
import org.junit.jupiter.api.Test;

class SecretRingTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ADA = "ada-subject";
    private static final String BOB = "bob-subject";

    private final MutableClock clock = new MutableClock(START);
    private final SecretHasher hasher = new SecretHasher(SecretHasherTest.KEY);
    private final SecretRing ring = SecretRing.empty(SecretEnvironment.PRODUCTION);

    @Test
    void the_first_rotation_issues_the_first_secret() {
        ClientSecret secret = ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);

        assertThat(secret.environment()).isEqualTo(SecretEnvironment.PRODUCTION);
        assertThat(ring.secrets()).singleElement().satisfies(record -> {
            assertThat(record.hash()).isEqualTo(hasher.hash(secret));
            assertThat(record.displayHint()).isEqualTo(secret.displayHint());
            assertThat(record.createdAt()).isEqualTo(START);
            assertThat(record.createdBy()).isEqualTo(ADA);
            assertThat(record.expiresAt()).isNull();
            assertThat(record.revokedAt()).isNull();
            assertThat(record.lastUsedAt()).isNull();
            assertThat(record.status(START)).isEqualTo(SecretStatus.ACTIVE);
        });
    }

    @Test
    void rotating_a_secret_keeps_the_old_one_valid_during_the_grace_period() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        clock.advance(Duration.ofDays(30));
        Instant rotatedAt = clock.instant();

        ClientSecret current = ring.rotate(GracePeriod.ONE_HOUR, BOB, hasher, clock);

        SecretRecord oldRecord = ring.secrets().getFirst();
        assertThat(oldRecord.expiresAt()).isEqualTo(rotatedAt.plus(Duration.ofHours(1)));
        assertThat(oldRecord.status(rotatedAt)).isEqualTo(SecretStatus.GRACE);
        assertThat(ring.activeSecrets(rotatedAt)).hasSize(2);

        Instant after59Minutes = rotatedAt.plus(Duration.ofMinutes(59));
        assertThat(ring.verify(old.value(), hasher, after59Minutes)).contains(oldRecord);
        assertThat(ring.verify(current.value(), hasher, after59Minutes)).isPresent();

        Instant after61Minutes = rotatedAt.plus(Duration.ofMinutes(61));
        assertThat(ring.verify(old.value(), hasher, after61Minutes)).isEmpty();
        assertThat(ring.secrets().getFirst().status(after61Minutes)).isEqualTo(SecretStatus.EXPIRED);
        assertThat(ring.verify(current.value(), hasher, after61Minutes)).isPresent();
    }

    @Test
    void the_grace_period_ends_exactly_at_its_expiry() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ring.rotate(GracePeriod.TWENTY_FOUR_HOURS, ADA, hasher, clock);
        Instant expiry = START.plus(Duration.ofHours(24));

        assertThat(ring.verify(old.value(), hasher, expiry.minusNanos(1))).isPresent();
        assertThat(ring.verify(old.value(), hasher, expiry)).isEmpty();
    }

    @Test
    void rotating_with_revoke_now_invalidates_the_old_secret_at_once() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        clock.advance(Duration.ofMinutes(5));

        ClientSecret current = ring.rotate(GracePeriod.NOW, BOB, hasher, clock);

        Instant now = clock.instant();
        assertThat(ring.verify(old.value(), hasher, now)).isEmpty();
        assertThat(ring.verify(current.value(), hasher, now)).isPresent();
        assertThat(ring.secrets().getFirst()).satisfies(record -> {
            assertThat(record.status(now)).isEqualTo(SecretStatus.REVOKED);
            assertThat(record.revokedAt()).isEqualTo(now);
            assertThat(record.revokedBy()).isEqualTo(BOB);
        });
        assertThat(ring.activeSecrets(now)).hasSize(1);
    }

    @Test
    void a_client_never_has_more_than_two_active_secrets() {
        ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ring.rotate(GracePeriod.SEVEN_DAYS, ADA, hasher, clock);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock))
                .isInstanceOf(RotationRefusedException.class)
                .hasMessage("A previous secret is still valid until 2026-03-09 09:00 UTC; "
                        + "revoke it first, or rotate with 'Revoke now'")
                .satisfies(e -> {
                    RotationRefusedException refused = (RotationRefusedException) e;
                    assertThat(refused.previousValidUntil()).isEqualTo(START.plus(Duration.ofDays(7)));
                    assertThat(refused.field()).isEqualTo("gracePeriod");
                });
        assertThat(ring.secrets()).hasSize(2);
        assertThat(ring.activeSecrets(clock.instant())).hasSize(2);
    }

    @Test
    void rotating_with_revoke_now_revokes_both_previous_secrets() {
        ClientSecret first = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ClientSecret second = ring.rotate(GracePeriod.SEVEN_DAYS, ADA, hasher, clock);

        ClientSecret third = ring.rotate(GracePeriod.NOW, BOB, hasher, clock);

        Instant now = clock.instant();
        assertThat(ring.activeSecrets(now)).hasSize(1);
        assertThat(ring.verify(first.value(), hasher, now)).isEmpty();
        assertThat(ring.verify(second.value(), hasher, now)).isEmpty();
        assertThat(ring.verify(third.value(), hasher, now)).isPresent();
    }

    @Test
    void once_the_previous_grace_period_is_over_a_rotation_may_have_a_grace_period_again() {
        ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        clock.advance(Duration.ofMinutes(61));

        ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);

        Instant now = clock.instant();
        assertThat(ring.secrets())
                .extracting(record -> record.status(now))
                .containsExactly(SecretStatus.EXPIRED, SecretStatus.GRACE, SecretStatus.ACTIVE);
    }

    @Test
    void revoking_the_previous_secret_early_allows_a_rotation_with_a_grace_period() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ring.rotate(GracePeriod.SEVEN_DAYS, ADA, hasher, clock);
        SecretRecord oldRecord = ring.secrets().getFirst();
        clock.advance(Duration.ofMinutes(10));

        SecretRecord revoked = ring.revoke(oldRecord.id(), BOB, clock);

        Instant now = clock.instant();
        assertThat(revoked.status(now)).isEqualTo(SecretStatus.REVOKED);
        assertThat(revoked.revokedAt()).isEqualTo(now);
        assertThat(revoked.revokedBy()).isEqualTo(BOB);
        assertThat(ring.find(oldRecord.id())).contains(revoked);
        assertThat(ring.verify(old.value(), hasher, now)).isEmpty();

        ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        assertThat(ring.activeSecrets(clock.instant())).hasSize(2);
    }

    @Test
    void the_current_secret_can_be_revoked_too_for_instance_after_a_leak() {
        ClientSecret current = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);

        ring.revoke(ring.secrets().getFirst().id(), ADA, clock);

        assertThat(ring.verify(current.value(), hasher, clock.instant())).isEmpty();
        assertThat(ring.activeSecrets(clock.instant())).isEmpty();
    }

    @Test
    void a_secret_that_is_revoked_or_expired_cannot_be_revoked_again() {
        ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        SecretId expiring = ring.secrets().get(0).id();
        SecretId current = ring.secrets().get(1).id();
        ring.revoke(current, ADA, clock);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> ring.revoke(current, ADA, clock))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This secret is already revoked");
        assertThatThrownBy(() -> ring.revoke(expiring, ADA, clock))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This secret has already expired");
        assertThatThrownBy(() -> ring.revoke(SecretId.random(), ADA, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to this client");
    }

    @Test
    void verify_accepts_either_active_secret() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ClientSecret current = ring.rotate(GracePeriod.TWENTY_FOUR_HOURS, ADA, hasher, clock);
        Instant now = clock.instant();

        assertThat(ring.verify(old.value(), hasher, now))
                .map(SecretRecord::id)
                .contains(ring.secrets().get(0).id());
        assertThat(ring.verify(current.value(), hasher, now))
                .map(SecretRecord::id)
                .contains(ring.secrets().get(1).id());
        assertThat(ring.verify(
                        ClientSecret.generate(SecretEnvironment.PRODUCTION).value(), hasher, now))
                .isEmpty();
    }

    @Test
    void verify_rejects_a_malformed_secret_or_one_of_the_other_environment_without_hashing() throws Exception {
        ClientSecret current = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        String mistyped = current.value().substring(0, 54) + (current.value().charAt(54) == 'a' ? 'b' : 'a');
        String sandbox = ClientSecret.generate(SecretEnvironment.SANDBOX).value();
        // Store the raw HMAC of each string, so that the strings would be accepted if they were hashed at all.
        SecretRing rigged = SecretRing.of(
                SecretEnvironment.PRODUCTION,
                List.of(record(rawHmac(mistyped), null), record(rawHmac(sandbox), Instant.MAX)));

        for (String presented : List.of(mistyped, sandbox)) {
            assertThat(rigged.verify(presented, hasher, START)).isEmpty();
            // Without a hasher at all, nothing can have been hashed.
            assertThat(ring.verify(presented, null, START)).isEmpty();
        }
        assertThat(ring.verify(null, null, START)).isEmpty();
    }

    @Test
    void verify_rejects_expired_and_revoked_secrets() {
        ClientSecret expired = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ClientSecret revoked = ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        clock.advance(Duration.ofHours(2));
        ring.revoke(ring.secrets().get(1).id(), ADA, clock);

        assertThat(ring.verify(expired.value(), hasher, clock.instant())).isEmpty();
        assertThat(ring.verify(revoked.value(), hasher, clock.instant())).isEmpty();
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute() {
        ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        SecretId id = ring.secrets().getFirst().id();

        assertThat(ring.markUsed(id, START)).isTrue();
        assertThat(ring.markUsed(id, START.plusSeconds(30))).isFalse();
        assertThat(ring.markUsed(id, START.plusSeconds(59))).isFalse();
        assertThat(ring.find(id).orElseThrow().lastUsedAt()).isEqualTo(START);

        assertThat(ring.markUsed(id, START.plusSeconds(60))).isTrue();
        assertThat(ring.find(id).orElseThrow().lastUsedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(ring.markUsed(id, START.plusSeconds(30)))
                .as("a clock behind by a little")
                .isFalse();
    }

    @Test
    void stored_secrets_are_loaded_oldest_first_and_a_broken_set_is_refused() {
        SecretRecord older = record(new byte[32], null).expiringAt(START.plusSeconds(60));
        SecretRecord newer = new SecretRecord(
                SecretId.random(),
                new SecretHash(new byte[32]),
                "dpprd_…abcd",
                START.plusSeconds(10),
                ADA,
                null,
                null,
                null,
                null);

        assertThat(SecretRing.of(SecretEnvironment.PRODUCTION, List.of(newer, older))
                        .secrets())
                .containsExactly(older, newer);
        assertThatThrownBy(() -> SecretRing.of(SecretEnvironment.PRODUCTION, List.of(newer, newer)))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() ->
                        SecretRing.of(SecretEnvironment.PRODUCTION, List.of(newer, record(new byte[32], null))))
                .hasMessage("A client has at most one current secret, found 2");
    }

    @Test
    void nothing_prints_the_secret() {
        ClientSecret old = ring.rotate(GracePeriod.NOW, ADA, hasher, clock);
        ClientSecret current = ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        String refusal = "";
        try {
            ring.rotate(GracePeriod.ONE_HOUR, ADA, hasher, clock);
        } catch (RotationRefusedException e) {
            refusal = e.getMessage();
        }

        List<String> printed = new java.util.ArrayList<>(List.of(
                ring.toString(),
                refusal,
                current.toString(),
                hasher.hash(current).toString(),
                hasher.toString(),
                String.valueOf(GracePeriod.ONE_HOUR)));
        ring.secrets().forEach(record -> printed.add(record.toString()));
        assertThat(refusal).isNotEmpty();
        for (ClientSecret secret : List.of(old, current)) {
            String body = secret.value().substring(6, 49);
            assertThat(printed)
                    .allSatisfy(text -> assertThat(text)
                            .doesNotContain(secret.value())
                            .doesNotContain(body.substring(0, 8))
                            .doesNotContain(body.substring(body.length() - 8)));
        }
    }

    private static SecretRecord record(byte[] hash, Instant expiresAt) {
        return new SecretRecord(
                SecretId.random(),
                new SecretHash(hash),
                "dpprd_…abcd",
                START.minusSeconds(60),
                ADA,
                expiresAt,
                null,
                null,
                null);
    }

    private static byte[] rawHmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SecretHasherTest.KEY, "HmacSHA256"));
        return mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
