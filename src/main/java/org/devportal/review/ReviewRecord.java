package org.devportal.review;

import java.time.Instant;
import java.util.UUID;
import org.devportal.clients.ClientSnapshot;

/** A submission with its frozen revision; {@code version} is what a decision must be based on. */
public record ReviewRecord(
        UUID id,
        long version,
        UUID clientId,
        UUID teamId,
        String teamName,
        int revision,
        ClientSnapshot submitted,
        ClientSnapshot approved,
        String note,
        ReviewStatus status,
        String submittedBySubject,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment) {}
