package org.devportal.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notification to a team, optionally about one of its clients. */
public record TeamNotification(UUID id, UUID teamId, UUID clientId, String message, Instant createdAt) {}
