package org.devportal.clients;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved client as production serves it: the last approved revision under the production client ID. A
 * suspended client is still known to production, which refuses its requests and its tokens.
 */
public record ProductionClient(
        UUID id,
        UUID teamId,
        UUID productionClientId,
        ClientSnapshot approved,
        Instant approvedAt,
        boolean suspended) {}
