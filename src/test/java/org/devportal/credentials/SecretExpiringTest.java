package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.devportal.base.Notice;
import org.junit.jupiter.api.Test;

class SecretExpiringTest {

    private final UUID team = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();
    private final Instant expiry = Instant.parse("2026-03-01T12:00:00Z");

    private SecretExpiring event(SecretExpiring.Stage stage, Instant lastUsed) {
        return new SecretExpiring(
                client, team, "Ledger Sync", SecretEnvironment.PRODUCTION, "dpprd_ab…yz", expiry, stage, lastUsed);
    }

    @Test
    void the_team_hears_a_day_before_with_the_secrets_hint_and_the_time() {
        Notice notice = event(SecretExpiring.Stage.DAY_BEFORE, null).notices().getFirst();

        assertThat(notice.teamId()).isEqualTo(team);
        assertThat(notice.clientId()).isEqualTo(client);
        assertThat(notice.message())
                .startsWith("The production secret dpprd_ab…yz of Ledger Sync expires in less than 24 hours")
                .contains("2026");
    }

    @Test
    void an_expiry_while_in_use_says_when_it_was_last_used() {
        assertThat(event(SecretExpiring.Stage.EXPIRED_IN_USE, expiry.minusSeconds(60))
                        .notices())
                .singleElement()
                .extracting(Notice::message)
                .asString()
                .contains("while still in use: it was last used at")
                .endsWith("Make sure every server uses the new secret.");
    }

    @Test
    void the_hour_before_warning_asks_to_switch_every_server() {
        assertThat(event(SecretExpiring.Stage.HOUR_BEFORE, null)
                        .notices()
                        .getFirst()
                        .message())
                .contains("expires within the hour")
                .endsWith("Switch every server to the new secret before then.");
    }
}
