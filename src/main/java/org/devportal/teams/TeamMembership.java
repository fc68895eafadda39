package org.devportal.teams;

import java.util.UUID;

/** The current user's membership of a team, as other modules' access checks get it. */
public record TeamMembership(UUID teamId, String teamName, TeamRole role) {}
