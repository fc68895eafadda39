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
 */
public record Notice(UUID teamId, String role, UUID clientId, String message) {

    public Notice {
        if ((teamId == null) == (role == null)) {
            throw new IllegalArgumentException("A notice goes to exactly one team or one role");
        }
        Objects.requireNonNull(message, "message");
    }

    public static Notice toTeam(UUID teamId, UUID clientId, String message) {
        return new Notice(Objects.requireNonNull(teamId, "teamId"), null, clientId, message);
    }

    public static Notice toRole(String role, UUID clientId, String message) {
        return new Notice(null, Objects.requireNonNull(role, "role"), clientId, message);
    }
}
