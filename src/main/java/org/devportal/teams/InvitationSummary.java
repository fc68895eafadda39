package org.devportal.teams;

import java.time.Instant;
import java.util.UUID;

/** A pending invitation, as a team's owners see it. */
public record InvitationSummary(
        UUID id, String email, TeamRole role, String invitedBy, Instant createdAt, Instant expiresAt) {}
