package org.devportal.registration;

import java.time.Instant;
import java.util.UUID;
import org.devportal.base.Environment;

/** An initial access token as its team sees it in the list: never its value, only a hint. */
public record InitialAccessTokenView(
        UUID id,
        Environment environment,
        String displayHint,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        int maxUses,
        int usesLeft,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy,
        InitialAccessTokenStatus status) {}
