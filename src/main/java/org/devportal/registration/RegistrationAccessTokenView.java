package org.devportal.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's registration access token as its team sees it in the list: never its value, only a hint of the
 * current one. {@code issuedAt} is when the current one was issued, at registration or at its last use.
 */
public record RegistrationAccessTokenView(
        UUID id,
        UUID clientId,
        String clientName,
        String displayHint,
        Instant issuedAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        RegistrationAccessTokenStatus status) {}
