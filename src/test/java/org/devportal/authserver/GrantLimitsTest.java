package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.devportal.test.MutableClock;
import org.junit.jupiter.api.Test;

class GrantLimitsTest {

    private static final Instant CONSENT = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(CONSENT);
    private final GrantLimits limits = new GrantLimits(Duration.ofDays(90), Duration.ofSeconds(10), clock);

    @Test
    void a_refresh_token_lives_its_time_to_live_while_the_grant_lasts() {
        Instant issued = CONSENT.plus(Duration.ofDays(10));
        assertThat(limits.refreshTokenExpiry(issued, Duration.ofDays(60), CONSENT))
                .isEqualTo(issued.plus(Duration.ofDays(60)));
    }

    @Test
    void a_refresh_token_never_outlives_its_grant_however_late_it_is_issued() {
        Instant issued = CONSENT.plus(Duration.ofDays(50));
        assertThat(limits.refreshTokenExpiry(issued, Duration.ofDays(60), CONSENT))
                .isEqualTo(CONSENT.plus(Duration.ofDays(90)));
    }

    @Test
    void a_grant_ends_exactly_at_its_lifetime() {
        clock.advance(Duration.ofDays(90).minusNanos(1));
        assertThat(limits.ended(CONSENT)).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(limits.ended(CONSENT)).isTrue();
    }

    @Test
    void a_second_use_counts_as_concurrent_only_within_the_leeway() {
        Instant spent = CONSENT;
        clock.advance(Duration.ofSeconds(9));
        assertThat(limits.withinLeeway(spent)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.withinLeeway(spent)).isFalse();
    }

    @Test
    void only_the_granted_scopes_the_client_still_has_remain_in_their_order() {
        Set<String> granted = new LinkedHashSet<>(List.of("vendors:read", "accounts:read", "users:read"));
        assertThat(GrantLimits.stillAllowed(granted, Set.of("users:read", "vendors:read", "export-jobs:read")))
                .containsExactly("vendors:read", "users:read");
        assertThat(GrantLimits.stillAllowed(granted, Set.of("export-jobs:read")))
                .isEmpty();
    }

    @Test
    void the_leeway_is_kept_short_and_the_lifetime_positive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AuthorizationServerProperties(Duration.ofMinutes(5), null))
                .hasMessageContaining("refresh-leeway");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuthorizationServerProperties(null, Duration.ZERO))
                .hasMessageContaining("grant-lifetime");
        AuthorizationServerProperties defaults = new AuthorizationServerProperties(null, null);
        assertThat(defaults.refreshLeeway()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.grantLifetime()).isEqualTo(Duration.ofDays(90));
    }
}
