package org.devportal.teams;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/** A user's membership of a team. E-mail and name are a snapshot from the user's last sign-in, for display. */
@Entity
@Table(name = "team_member")
class Membership extends AbstractEntity {

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "user_subject", nullable = false)
    private String subject;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TeamRole role;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    /** When the member last opened one of the team's pages; null until they do. */
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected Membership() {}

    Membership(UUID teamId, String subject, String email, String displayName, TeamRole role, Instant joinedAt) {
        this.teamId = teamId;
        this.subject = subject;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.joinedAt = joinedAt;
    }

    UUID teamId() {
        return teamId;
    }

    String subject() {
        return subject;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    TeamRole role() {
        return role;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void changeRole(TeamRole newRole) {
        this.role = newRole;
    }

    void refreshProfile(String newEmail, String newDisplayName) {
        this.email = newEmail;
        this.displayName = newDisplayName;
    }
}
