package org.devportal.review;

import java.time.Instant;
import java.util.UUID;

/** One row of the reviewers' queue. */
public record ReviewSummary(
        UUID id,
        UUID clientId,
        String clientName,
        UUID teamId,
        String teamName,
        int revision,
        ReviewStatus status,
        String submittedBy,
        Instant submittedAt,
        long waitingDays,
        String decidedBy,
        Instant decidedAt) {}
