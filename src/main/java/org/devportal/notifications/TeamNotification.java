package org.devportal.notifications;

import java.time.Instant;
import java.util.UUID;
import org.devportal.base.NoticeTarget;

/**
 * A notification to a team or a role, optionally about a client, as one user sees it.
 *
 * @param teamId the team notified, or null for a notification to a role
 * @param target the page it opens, or null when it opens none
 * @param read whether the user looking at it has read it
 */
public record TeamNotification(
        UUID id, UUID teamId, UUID clientId, String message, Instant createdAt, NoticeTarget target, boolean read) {}
