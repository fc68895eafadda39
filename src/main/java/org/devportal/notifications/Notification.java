package org.devportal.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.NoticeTarget;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind")
    private NoticeTarget.Kind targetKind;

    @Column(name = "target_id")
    private UUID targetId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Notification() {}

    Notification(Notice notice, Instant createdAt) {
        this.teamId = notice.teamId();
        this.audienceRole = notice.role();
        this.clientId = notice.clientId();
        this.message = notice.message();
        if (notice.target() != null) {
            this.targetKind = notice.target().kind();
            this.targetId = notice.target().id();
        }
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID teamId() {
        return teamId;
    }

    String audienceRole() {
        return audienceRole;
    }

    NoticeTarget target() {
        return targetKind == null || targetId == null ? null : new NoticeTarget(targetKind, targetId);
    }

    TeamNotification view(boolean read) {
        return new TeamNotification(id, teamId, clientId, message, createdAt, target(), read);
    }
}
