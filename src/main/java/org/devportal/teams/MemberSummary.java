package org.devportal.teams;

import java.time.Instant;

/** A member of a team. {@code you} marks the signed-in user. */
public record MemberSummary(
        String subject, String email, String displayName, TeamRole role, Instant joinedAt, boolean you) {}
