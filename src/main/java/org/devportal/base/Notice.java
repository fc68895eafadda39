package org.devportal.base;

import java.util.Objects;
import java.util.UUID;

/**
 * One in-app notification to deliver: to every member of a team, or to everyone who holds a role (by its name,
 * such as {@code REVIEWER}). The text must never contain a secret.
 *
 * @param teamId the team to notify, or null when a role is notified
 * @param role the role to notify, or null when a team is notified
 * @param clientId the client the notification is about
 * @param message what the people notified read
 * @param target the page the notification opens: by default the client's page, or the team's without a client;
 *     null for a notice to a role about no client, which opens no page
 */
public record Notice(UUID teamId, String role, UUID clientId, String message, NoticeTarget target) {

    public Notice {
        if ((teamId == null) == (role == null)) {
            throw new IllegalArgumentException("A notice goes to exactly one team or one role");
        }
        Objects.requireNonNull(message, "message");
        if (target == null && clientId != null) {
            target = NoticeTarget.client(clientId);
        } else if (target == null && teamId != null) {
            target = NoticeTarget.team(teamId);
        }
    }

    public Notice(UUID teamId, String role, UUID clientId, String message) {
        this(teamId, role, clientId, message, null);
    }

    public static Notice toTeam(UUID teamId, UUID clientId, String message) {
        return new Notice(Objects.requireNonNull(teamId, "teamId"), null, clientId, message);
    }

    public static Notice toRole(String role, UUID clientId, String message) {
        return new Notice(null, Objects.requireNonNull(role, "role"), clientId, message);
    }

    /** The same notice, opening another page. */
    public Notice linkingTo(NoticeTarget page) {
        return new Notice(teamId, role, clientId, message, Objects.requireNonNull(page, "page"));
    }
}
