package org.devportal.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/**
 * The registration access token of a client registered through the API (RFC 7592): the SHA-256 of its value, and
 * which initial access token registered the client. Deleting the client through the API deletes it.
 */
@Entity
@Table(name = "registration_access_token")
class StoredRegistrationAccessToken extends AbstractEntity {

    @Column(name = "client_id", nullable = false, unique = true)
    private UUID clientId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "initial_access_token_id", nullable = false)
    private UUID initialAccessTokenId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected StoredRegistrationAccessToken() {}

    StoredRegistrationAccessToken(UUID clientId, RegistrationToken token, UUID initialAccessTokenId, Instant issuedAt) {
        if (token.kind() != RegistrationToken.Kind.REGISTRATION_ACCESS) {
            throw new IllegalArgumentException("Not a registration access token");
        }
        this.clientId = clientId;
        this.tokenHash = token.hash();
        this.initialAccessTokenId = initialAccessTokenId;
        this.issuedAt = issuedAt;
    }

    /** The portal's internal id of the client, not its OAuth client ID. */
    UUID clientId() {
        return clientId;
    }
}
