package org.devportal.credentials;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One row per client and environment. Rotations and revocations lock it first, so two members rotating at the
 * same moment take turns and the 2-secret cap holds.
 */
@Entity
@Table(name = "credential_ring")
class CredentialRing {

    @Id
    @Column(columnDefinition = "uuid")
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private String environment;

    protected CredentialRing() {}

    CredentialRing(UUID clientId, SecretEnvironment environment) {
        this.id = idOf(clientId, environment);
        this.clientId = clientId;
        this.environment = environment.name();
    }

    static UUID idOf(UUID clientId, SecretEnvironment environment) {
        return UUID.nameUUIDFromBytes((clientId + "/" + environment).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
