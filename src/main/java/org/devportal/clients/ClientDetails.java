package org.devportal.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * Everything the client page shows. {@code version} is what an edit must be based on. Once approved, the client
 * has a production client ID; {@code unapprovedChanges} says that the fields differ from the approved revision
 * in something a reviewer must see. {@code suspension} is null unless the client is suspended at production.
 */
public record ClientDetails(
        UUID id,
        UUID teamId,
        UUID sandboxClientId,
        String name,
        String clientUri,
        String logoHash,
        String tosUri,
        String policyUri,
        List<String> contacts,
        String initiationUri,
        String settingsUri,
        List<RedirectUri> redirectUris,
        Set<String> scopes,
        ClientType clientType,
        boolean pkceRequired,
        String pkceExceptionReason,
        SubjectTypePreference subjectType,
        ClientStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant technicalChangedAt,
        UUID productionClientId,
        Instant approvedAt,
        boolean unapprovedChanges,
        Suspension suspension) {

    /** Whether production serves the client (unless it is suspended): it has an approval that was not revoked. */
    public boolean approvedForProduction() {
        return approvedAt != null;
    }

    /** Whether a reviewer or administrator has stopped the client at production for now. */
    public boolean suspended() {
        return suspension != null;
    }

    /** The client's current fields as a snapshot, the form in which reviews and issuers read a client. */
    public ClientSnapshot snapshot() {
        return new ClientSnapshot(
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                List.copyOf(scopes),
                clientType,
                pkceRequired,
                pkceExceptionReason,
                subjectType);
    }
}
