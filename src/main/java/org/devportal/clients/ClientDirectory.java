package org.devportal.clients;

import java.util.Optional;
import java.util.UUID;
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

    ClientDirectory(OAuthClientRepository clients) {
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public Optional<ClientDetails> bySandboxClientId(UUID clientId) {
        return clients.findWholeBySandboxClientId(clientId).map(OAuthClient::details);
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
                client.details().approvedAt()));
    }

    /** The client with this internal id, deleted or not; for background jobs. */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> byId(UUID id) {
        return clients.findWholeById(id).map(OAuthClient::details);
    }
}
