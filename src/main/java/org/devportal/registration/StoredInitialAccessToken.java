package org.devportal.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;
import org.devportal.base.Environment;

/**
 * An initial access token of a team: the SHA-256 of its value, when it expires and how many registrations it has
 * left, and where it registers clients: in the sandbox, or at production, where each registration goes to review. It
 * owns its transitions: a registration uses it once, a member revokes it.
 */
@Entity
@Table(name = "initial_access_token")
class StoredInitialAccessToken extends AbstractEntity {

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Environment environment;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "display_hint", nullable = false)
    private String displayHint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "max_uses", nullable = false)
    private int maxUses;

    @Column(name = "uses_left", nullable = false)
    private int usesLeft;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected StoredInitialAccessToken() {}

    StoredInitialAccessToken(
            UUID teamId,
            Environment environment,
            RegistrationToken token,
            String createdBy,
            Instant createdAt,
            TokenLifetime lifetime,
            int maxUses) {
        if (token.kind() != RegistrationToken.Kind.INITIAL_ACCESS) {
            throw new IllegalArgumentException("Not an initial access token");
        }
        if (maxUses < 1) {
            throw new IllegalArgumentException("An initial access token allows at least one use");
        }
        if (environment == null) {
            throw new IllegalArgumentException("An initial access token registers clients in one environment");
        }
        this.teamId = teamId;
        this.environment = environment;
        this.tokenHash = token.hash();
        this.displayHint = token.displayHint();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(lifetime.duration());
        this.maxUses = maxUses;
        this.usesLeft = maxUses;
    }

    InitialAccessTokenStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return InitialAccessTokenStatus.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return InitialAccessTokenStatus.EXPIRED;
        }
        if (usesLeft <= 0) {
            return InitialAccessTokenStatus.USED_UP;
        }
        return InitialAccessTokenStatus.ACTIVE;
    }

    /** Spends one use for a registration; refuses unless the token is active. */
    void use(Instant now) {
        if (!statusAt(now).isActive()) {
            throw new IllegalStateException("Only an active initial access token can be used");
        }
        usesLeft--;
        lastUsedAt = now;
    }

    /** Revokes the token; revoking it again changes nothing. */
    void revoke(String actor, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = actor;
        }
    }

    UUID teamId() {
        return teamId;
    }

    Environment environment() {
        return environment;
    }

    String displayHint() {
        return displayHint;
    }

    int usesLeft() {
        return usesLeft;
    }

    InitialAccessTokenView view(Instant now) {
        return new InitialAccessTokenView(
                getId(),
                environment,
                displayHint,
                createdBy,
                createdAt,
                expiresAt,
                maxUses,
                usesLeft,
                lastUsedAt,
                revokedAt,
                revokedBy,
                statusAt(now));
    }
}
