package org.devportal.authserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * Something an issuer granted or refused for a client: an authorization, tokens, a refusal with its reason. It
 * never carries a code, token or secret.
 *
 * @param clientId the portal's internal id of the client
 * @param teamId the client's team
 * @param issuer the issuer that decided
 * @param action what happened
 * @param scopes the scopes involved, space-separated, or null
 * @param detail the reason of a refusal, or other context, or null
 * @param actorSubject who acted: the end user, or null when it was the client itself
 * @param actorName a name for the actor
 * @param at when
 * @param countedPer null for an entry of its own; else the window in which repeats are counted as one entry
 * @param authenticatedBy the id of the client secret the request authenticated with, or null
 */
public record GrantRecorded(
        UUID clientId,
        UUID teamId,
        Issuer issuer,
        Action action,
        String scopes,
        String detail,
        String actorSubject,
        String actorName,
        Instant at,
        Duration countedPer,
        UUID authenticatedBy)
        implements Audited {

    /**
     * Refusals that anyone can cause without signing in (a refused authorization request before sign-in, a
     * refused token request, a failed client authentication) and refreshes are counted per hour rather than
     * recorded each: one entry per client, action and hour, with the first and last time.
     */
    static final Duration COUNTED_PER = Duration.ofHours(1);

    @Override
    public String auditAction() {
        return action.label();
    }

    @Override
    public Optional<Duration> aggregationWindow() {
        return Optional.ofNullable(countedPer);
    }

    @Override
    public Optional<UUID> secretId() {
        return Optional.ofNullable(authenticatedBy);
    }

    /** The issuer, the scopes and the reason; never a code, token or secret. */
    @Override
    public List<FieldChange> auditChanges() {
        List<FieldChange> changes = new ArrayList<>(3);
        changes.add(new FieldChange("Issuer", null, issuer == Issuer.PRODUCTION ? "Production" : "Sandbox"));
        if (scopes != null) {
            changes.add(new FieldChange("Scopes", null, scopes));
        }
        if (detail != null) {
            changes.add(new FieldChange("Reason", null, detail));
        }
        return List.copyOf(changes);
    }

    public enum Action {
        AUTHORIZED("Authorization granted"),
        DENIED("Authorization denied"),
        REQUEST_REFUSED("Authorization request refused"),
        TOKENS_ISSUED("Tokens issued"),
        TOKENS_REFRESHED("Tokens refreshed"),
        TOKEN_REQUEST_REFUSED("Token request refused"),
        REFRESH_TOKEN_REUSED("Refresh token reused"),
        CODE_REUSED("Authorization code reused"),
        TOKEN_REVOKED("Token revoked"),
        GRANT_REVOKED("Grant revoked"),
        ALL_GRANTS_REVOKED("All grants revoked");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
