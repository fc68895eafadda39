package org.devportal.authserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How far an authorization reaches in time and scope. Its refresh tokens can be renewed for a fixed lifetime from
 * the authorization (the user's consent), however often they rotate, and each refresh grants only the scopes that
 * the client is still allowed: a scope removed from the client, or left out of a newly approved revision,
 * disappears at the next refresh.
 */
final class GrantLimits {

    private final Duration lifetime;
    private final Duration leeway;
    private final Clock clock;

    GrantLimits(Duration lifetime, Duration leeway, Clock clock) {
        this.lifetime = lifetime;
        this.leeway = leeway;
        this.clock = clock;
    }

    GrantLimits(AuthorizationServerProperties properties, Clock clock) {
        this(properties.grantLifetime(), properties.refreshLeeway(), clock);
    }

    Instant now() {
        return clock.instant();
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Whether an authorization created then can no longer be refreshed. */
    boolean ended(Instant createdAt) {
        return createdAt != null && !now().isBefore(createdAt.plus(lifetime));
    }

    /** When a refresh token issued now expires: after its time to live, but never after the authorization ends. */
    Instant refreshTokenExpiry(Instant issuedAt, Duration timeToLive, Instant createdAt) {
        Instant expiry = issuedAt.plus(timeToLive);
        if (createdAt == null) {
            return expiry;
        }
        Instant end = createdAt.plus(lifetime);
        return end.isBefore(expiry) ? end : expiry;
    }

    /** Whether a refresh token spent then is still within the leeway for concurrent refreshes. */
    boolean withinLeeway(Instant spentAt) {
        return now().isBefore(spentAt.plus(leeway));
    }

    Duration leeway() {
        return leeway;
    }

    /** The granted scopes the client is still allowed, in the order they were granted. */
    static Set<String> stillAllowed(Set<String> granted, Set<String> allowed) {
        Set<String> kept = new LinkedHashSet<>(granted);
        kept.retainAll(allowed);
        return kept;
    }
}
