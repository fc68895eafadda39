package org.devportal.review;

import java.time.Instant;
import java.util.UUID;
import org.devportal.clients.ClientDetails;

/**
 * What the production issuer does with a client, as a reviewer or administrator sees it next to the incident
 * actions.
 *
 * @param approved whether the client has an approval that was not revoked
 * @param suspendedSince when it was suspended, or null when it is not
 * @param suspendedBy who suspended it, or null
 * @param suspensionReason why, or null
 */
public record ProductionAccess(
        UUID clientId,
        String clientName,
        boolean approved,
        Instant suspendedSince,
        String suspendedBy,
        String suspensionReason) {

    static ProductionAccess of(ClientDetails client) {
        var suspension = client.suspension();
        return new ProductionAccess(
                client.id(),
                client.name(),
                client.approvedForProduction(),
                suspension == null ? null : suspension.since(),
                suspension == null ? null : suspension.by(),
                suspension == null ? null : suspension.reason());
    }

    public boolean suspended() {
        return suspendedSince != null;
    }
}
