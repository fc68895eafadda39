package org.devportal.clients;

import java.util.Optional;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebOrigin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds clients by their OAuth client ID, for machine callers such as the authorization server and the
 * credentials check at its token endpoint. There is no signed-in user there, so there is no access check:
 * never hand what it returns to a person.
 */
@Service
public class ClientDirectory {

    private final OAuthClientRepository clients;
    private final ClientRows rows;

    ClientDirectory(OAuthClientRepository clients, ClientRows rows) {
        this.clients = clients;
        this.rows = rows;
    }

    /** The client that is not deleted, by its sandbox client ID; read afresh on every call, never cached. */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> bySandboxClientId(UUID clientId) {
        return rows.bySandboxClientId(clientId);
    }

    /** An approved client by its production client ID, with the revision production serves. */
    @Transactional(readOnly = true)
    public Optional<ProductionClient> byProductionClientId(UUID productionClientId) {
        return clients.findByProductionClientIdAndDeletedAtIsNull(productionClientId)
                .flatMap(ClientDirectory::production);
    }

    /** An approved client by its internal id, with the revision production serves. */
    @Transactional(readOnly = true)
    public Optional<ProductionClient> approvedById(UUID id) {
        return clients.findByIdAndDeletedAtIsNull(id).flatMap(ClientDirectory::production);
    }

    private static Optional<ProductionClient> production(OAuthClient client) {
        if (client.approvedSnapshot() == null || client.productionClientId() == null) {
            return Optional.empty();
        }
        return Optional.of(new ProductionClient(
                client.getId(),
                client.teamId(),
                client.productionClientId(),
                client.approvedSnapshot(),
                client.details().approvedAt(),
                client.suspended()));
    }

    /**
     * Whether some public client of the environment could be running in a browser at this origin: one of its
     * redirect URIs, in the sandbox its current ones and in production the last approved ones, has this origin
     * ({@link WebOrigin#isOriginOf}). Confidential clients keep their secret on a server and never count.
     */
    @Transactional(readOnly = true)
    public boolean anyPublicClientHasOrigin(Environment environment, WebOrigin origin) {
        String pattern = "%//" + escapeLike(origin.host()) + "%";
        if (environment == Environment.SANDBOX) {
            return clients.publicSandboxRedirectUrisLike(pattern).stream()
                    .anyMatch(uri -> origin.isOriginOf(RedirectUri.fromStorage(uri)));
        }
        SnapshotConverter snapshots = new SnapshotConverter();
        return clients.approvedSnapshotsLike(pattern).stream()
                .map(snapshots::convertToEntityAttribute)
                .filter(snapshot -> snapshot.clientType() == ClientType.PUBLIC)
                .anyMatch(snapshot -> snapshot.redirectUris().stream().anyMatch(origin::isOriginOf));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The client with this internal id, deleted or not; for background jobs. */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> byId(UUID id) {
        return clients.findWholeById(id).map(OAuthClient::details);
    }
}
