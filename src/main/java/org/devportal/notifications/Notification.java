package org.devportal.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notification")
class Notification {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id = UUID.randomUUID();

    @Column(name = "team_id")
    private UUID teamId;

    /** Set instead of the team for notifications to everyone with a role, such as reviewers. */
    @Column(name = "audience_role")
    private String audienceRole;

    @Column(name = "client_id")
    private UUID clientId;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Notification() {}

    Notification(UUID teamId, UUID clientId, String message, Instant createdAt) {
        this.teamId = teamId;
        this.clientId = clientId;
        this.message = message;
        this.createdAt = createdAt;
    }

    static Notification forRole(String role, UUID clientId, String message, Instant createdAt) {
        Notification notification = new Notification(null, clientId, message, createdAt);
        notification.audienceRole = role;
        return notification;
    }

    TeamNotification view() {
        return new TeamNotification(id, teamId, clientId, message, createdAt);
    }
}
