package org.devportal.notifications;

import java.util.List;
import java.util.UUID;

/** Whom a user is among the addressees of notifications: their subject, their teams and their roles' names. */
record Audience(String subject, List<UUID> teamIds, List<String> roles) {

    Audience {
        teamIds = List.copyOf(teamIds);
        roles = List.copyOf(roles);
    }

    boolean includes(Notification notification) {
        return notification.teamId() != null
                ? teamIds.contains(notification.teamId())
                : roles.contains(notification.audienceRole());
    }
}
