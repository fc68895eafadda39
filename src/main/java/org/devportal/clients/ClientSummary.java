package org.devportal.clients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of a team's client list. */
public record ClientSummary(
        UUID id,
        String name,
        String logoHash,
        ClientType clientType,
        List<String> scopes,
        ClientStatus status,
        Instant updatedAt,
        String updatedBy) {

    /** The same row with these scopes. */
    public ClientSummary withScopes(List<String> scopes) {
        return new ClientSummary(id, name, logoHash, clientType, scopes, status, updatedAt, updatedBy);
    }
}
