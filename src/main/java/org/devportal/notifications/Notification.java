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

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "client_id")
    private UUID clientId;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Notification() {
    }

    Notification(UUID teamId, UUID clientId, String message, Instant createdAt) {
        this.teamId = teamId;
        this.clientId = clientId;
        this.message = message;
        this.createdAt = createdAt;
    }

    TeamNotification view() {
        return new TeamNotification(id, teamId, clientId, message, createdAt);
    }
}
