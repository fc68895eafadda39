package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredRegistrationAccessTokenTest {

    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final Duration GRACE = Duration.ofMinutes(2);
    private final Instant issued = Instant.parse("2026-12-02T10:00:00Z");
    private final RegistrationToken first = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
    private final StoredRegistrationAccessToken stored = new StoredRegistrationAccessToken(
            UUID.randomUUID(), UUID.randomUUID(), first, UUID.randomUUID(), issued, LIFETIME);

    @Test
    void a_new_token_works_until_it_expires() {
        assertThat(stored.refusalOf(first, issued.plus(LIFETIME).minusMillis(1)))
                .isEmpty();
        assertThat(stored.refusalOf(first, issued.plus(LIFETIME)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("expired"));
        assertThat(stored.statusAt(issued.plus(LIFETIME))).isEqualTo(RegistrationAccessTokenStatus.EXPIRED);
    }

    @Test
    void rotating_gives_the_old_token_a_grace_that_ends_when_the_new_one_is_used() {
        RegistrationToken second = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        RegistrationToken third = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        Instant used = issued.plus(Duration.ofDays(10));

        stored.rotate(first, second, used, LIFETIME, GRACE);

        assertThat(stored.refusalOf(second, used.plus(LIFETIME).minusMillis(1))).isEmpty();
        assertThat(stored.refusalOf(first, used.plus(GRACE).minusMillis(1))).isEmpty();
        assertThat(stored.refusalOf(first, used.plus(GRACE))).isPresent();

        stored.rotate(second, third, used.plusSeconds(1), LIFETIME, GRACE);

        assertThat(stored.refusalOf(first, used.plusSeconds(2)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("was replaced"));
        assertThat(stored.refusalOf(second, used.plusSeconds(2))).isEmpty();
    }

    @Test
    void a_retry_with_the_old_token_replaces_the_unused_new_one_and_keeps_the_old_ones_deadline() {
        RegistrationToken lost = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        RegistrationToken retried = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        stored.rotate(first, lost, issued, LIFETIME, GRACE);

        stored.rotate(first, retried, issued.plusSeconds(30), LIFETIME, GRACE);

        assertThat(stored.refusalOf(lost, issued.plusSeconds(31))).isPresent();
        assertThat(stored.refusalOf(retried, issued.plusSeconds(31))).isEmpty();
        assertThat(stored.refusalOf(first, issued.plus(GRACE))).isPresent();
    }

    @Test
    void a_revoked_token_and_the_one_before_it_are_refused_and_cannot_be_rotated() {
        RegistrationToken second = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        stored.rotate(first, second, issued, LIFETIME, GRACE);

        stored.revoke("Ada", issued.plusSeconds(1));

        assertThat(stored.refusalOf(second, issued.plusSeconds(2)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("revoked"));
        assertThat(stored.refusalOf(first, issued.plusSeconds(2))).isPresent();
        assertThat(stored.statusAt(issued.plusSeconds(2))).isEqualTo(RegistrationAccessTokenStatus.REVOKED);
        assertThatThrownBy(() -> stored.rotate(
                        second,
                        RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS),
                        issued.plusSeconds(3),
                        LIFETIME,
                        GRACE))
                .isInstanceOf(IllegalStateException.class);
    }
}
