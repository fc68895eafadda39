package org.devportal.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.AbstractEntity;

/**
 * The registration access token of a client registered through the API (RFC 7592): the SHA-256 of its value, and
 * which initial access token registered the client. Deleting the client through the API deletes it.
 *
 * <p>It expires, and every successful use replaces it (RFC 7592 §3 lets the answer carry a new one). The one before
 * keeps working for a short grace, so that a retry after a lost answer does not lock the automation out; the grace
 * ends as soon as the new one is used. The team can revoke it.
 */
@Entity
@Table(name = "registration_access_token")
class StoredRegistrationAccessToken extends AbstractEntity {

    @Column(name = "client_id", nullable = false, unique = true)
    private UUID clientId;

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "display_hint", nullable = false)
    private String displayHint;

    @Column(name = "initial_access_token_id", nullable = false)
    private UUID initialAccessTokenId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "previous_token_hash", unique = true)
    private String previousTokenHash;

    @Column(name = "previous_valid_until")
    private Instant previousValidUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected StoredRegistrationAccessToken() {}

    StoredRegistrationAccessToken(
            UUID clientId,
            UUID teamId,
            RegistrationToken token,
            UUID initialAccessTokenId,
            Instant issuedAt,
            Duration lifetime) {
        requireRegistrationAccess(token);
        this.clientId = clientId;
        this.teamId = teamId;
        this.tokenHash = token.hash();
        this.displayHint = token.displayHint();
        this.initialAccessTokenId = initialAccessTokenId;
        this.issuedAt = issuedAt;
        this.expiresAt = issuedAt.plus(lifetime);
    }

    /**
     * Why the presented token does not work now, or empty when it does: it is the current one, or the one before
     * it within the grace.
     */
    Optional<String> refusalOf(RegistrationToken presented, Instant now) {
        if (revokedAt != null) {
            return Optional.of("The registration access token was revoked by a member of the client's team; the "
                    + "client can still be managed in the portal");
        }
        if (presented.hash().equals(tokenHash)) {
            return now.isBefore(expiresAt)
                    ? Optional.empty()
                    : Optional.of("The registration access token has expired; the client can still be managed in "
                            + "the portal");
        }
        if (presented.hash().equals(previousTokenHash) && now.isBefore(previousValidUntil)) {
            return Optional.empty();
        }
        return Optional.of("This registration access token was replaced: use the registration_access_token of the "
                + "last answer about this client");
    }

    /**
     * Replaces the token after a successful use. The presented one stays valid for the grace if it was the
     * current one; if it was the previous one (a retry), the previous keeps its grace and the current one, never
     * used, is replaced.
     */
    void rotate(RegistrationToken presented, RegistrationToken next, Instant now, Duration lifetime, Duration grace) {
        requireRegistrationAccess(next);
        if (refusalOf(presented, now).isPresent()) {
            throw new IllegalStateException("Only a token that works can be rotated");
        }
        if (presented.hash().equals(tokenHash)) {
            previousTokenHash = tokenHash;
            previousValidUntil = now.plus(grace);
        }
        tokenHash = next.hash();
        displayHint = next.displayHint();
        issuedAt = now;
        expiresAt = now.plus(lifetime);
        lastUsedAt = now;
    }

    /** Revokes the token and the one before it; revoking it again changes nothing. */
    void revoke(String actor, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = actor;
            previousValidUntil = null;
        }
    }

    RegistrationAccessTokenStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return RegistrationAccessTokenStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? RegistrationAccessTokenStatus.ACTIVE : RegistrationAccessTokenStatus.EXPIRED;
    }

    /** The portal's internal id of the client, not its OAuth client ID. */
    UUID clientId() {
        return clientId;
    }

    UUID teamId() {
        return teamId;
    }

    RegistrationAccessTokenView view(String clientName, Instant now) {
        return new RegistrationAccessTokenView(
                getId(),
                clientId,
                clientName,
                displayHint,
                issuedAt,
                lastUsedAt,
                expiresAt,
                revokedAt,
                revokedBy,
                statusAt(now));
    }

    private static void requireRegistrationAccess(RegistrationToken token) {
        if (token.kind() != RegistrationToken.Kind.REGISTRATION_ACCESS) {
            throw new IllegalArgumentException("Not a registration access token");
        }
    }
}
