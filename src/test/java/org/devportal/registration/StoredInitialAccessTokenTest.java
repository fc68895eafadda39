package org.devportal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredInitialAccessTokenTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private static StoredInitialAccessToken token(TokenLifetime lifetime, int maxUses) {
        return new StoredInitialAccessToken(
                UUID.randomUUID(),
                org.devportal.base.Environment.SANDBOX,
                RegistrationToken.generate(RegistrationToken.Kind.INITIAL_ACCESS),
                "Ada",
                CREATED,
                lifetime,
                maxUses);
    }

    @Test
    void a_new_token_is_active_with_all_its_uses_left() {
        InitialAccessTokenView view = token(TokenLifetime.ONE_HOUR, 3).view(CREATED);

        assertThat(view.status()).isEqualTo(InitialAccessTokenStatus.ACTIVE);
        assertThat(view.usesLeft()).isEqualTo(3);
        assertThat(view.expiresAt()).isEqualTo(CREATED.plus(Duration.ofHours(1)));
        assertThat(view.displayHint()).startsWith("dpiat_").endsWith("…");
    }

    @Test
    void each_use_spends_one_and_the_last_use_leaves_it_used_up() {
        StoredInitialAccessToken token = token(TokenLifetime.SEVEN_DAYS, 2);

        token.use(CREATED.plusSeconds(1));
        assertThat(token.view(CREATED.plusSeconds(1)).usesLeft()).isEqualTo(1);
        token.use(CREATED.plusSeconds(2));

        assertThat(token.statusAt(CREATED.plusSeconds(3))).isEqualTo(InitialAccessTokenStatus.USED_UP);
        assertThatThrownBy(() -> token.use(CREATED.plusSeconds(3))).isInstanceOf(IllegalStateException.class);
        assertThat(token.view(CREATED.plusSeconds(3)).lastUsedAt()).isEqualTo(CREATED.plusSeconds(2));
    }

    @Test
    void a_token_expires_at_the_end_of_its_lifetime_exactly() {
        StoredInitialAccessToken token = token(TokenLifetime.ONE_HOUR, 1);
        Instant end = CREATED.plus(Duration.ofHours(1));

        assertThat(token.statusAt(end.minusMillis(1))).isEqualTo(InitialAccessTokenStatus.ACTIVE);
        assertThat(token.statusAt(end)).isEqualTo(InitialAccessTokenStatus.EXPIRED);
        assertThatThrownBy(() -> token.use(end)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_revoked_token_stays_revoked_and_cannot_be_used() {
        StoredInitialAccessToken token = token(TokenLifetime.THIRTY_DAYS, 5);
        token.revoke("Bea", CREATED.plusSeconds(10));
        token.revoke("Cid", CREATED.plusSeconds(20));

        InitialAccessTokenView view = token.view(CREATED.plusSeconds(30));
        assertThat(view.status()).isEqualTo(InitialAccessTokenStatus.REVOKED);
        assertThat(view.revokedBy()).isEqualTo("Bea");
        assertThat(view.revokedAt()).isEqualTo(CREATED.plusSeconds(10));
        assertThatThrownBy(() -> token.use(CREATED.plusSeconds(30))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_refusal_tells_the_caller_what_to_do_and_an_active_token_has_none() {
        assertThat(InitialAccessTokenStatus.EXPIRED.refusal())
                .startsWith("The initial access token has expired")
                .contains("create a new one");
        assertThat(InitialAccessTokenStatus.ACTIVE.refusal()).isNull();
    }

    @Test
    void a_token_without_uses_cannot_be_made() {
        assertThatThrownBy(() -> token(TokenLifetime.ONE_HOUR, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
