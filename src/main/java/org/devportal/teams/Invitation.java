package org.devportal.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/** A single-use invitation to a team, sent by e-mail. Only the SHA-256 of the link's token is stored. */
@Entity
@Table(name = "team_invitation")
class Invitation extends AbstractEntity {

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TeamRole role;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "invited_by", nullable = false)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "expiry_recorded_at")
    private Instant expiryRecordedAt;

    protected Invitation() {}

    Invitation(
            UUID teamId,
            String email,
            TeamRole role,
            String tokenHash,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt) {
        this.teamId = teamId;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID teamId() {
        return teamId;
    }

    String email() {
        return email;
    }

    TeamRole role() {
        return role;
    }

    String invitedBy() {
        return invitedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean pendingAt(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    InvitationPreview.Status statusAt(Instant now) {
        if (acceptedAt != null) {
            return InvitationPreview.Status.USED;
        }
        if (revokedAt != null) {
            return InvitationPreview.Status.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return InvitationPreview.Status.EXPIRED;
        }
        return InvitationPreview.Status.ACCEPTABLE;
    }

    void accept(Instant at) {
        if (acceptedAt != null || revokedAt != null) {
            throw new IllegalStateException("Invitation is no longer pending");
        }
        acceptedAt = at;
    }

    /** Notes that the expiry of this unused invitation was published, so that it is published once. */
    void markExpiryRecorded(Instant at) {
        if (statusAt(at) != InvitationPreview.Status.EXPIRED) {
            throw new IllegalStateException("Only an expired, unused invitation has an expiry to record");
        }
        if (expiryRecordedAt == null) {
            expiryRecordedAt = at;
        }
    }

    void revoke(Instant at) {
        if (revokedAt == null && acceptedAt == null) {
            revokedAt = at;
        }
    }
}
