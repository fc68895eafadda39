package org.devportal.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.Environment;
import org.devportal.base.FieldChange;

/**
 * A team's initial access token was created, revoked, or used to register a client. Names the token by its display
 * hint only, never its value. A use belongs to the client it registered as well, so it shows in that client's
 * history.
 *
 * @param clientId the client a use registered; null when the token was created or revoked
 * @param clientName the name of that client; null when there is none
 */
public record InitialAccessTokenChanged(
        UUID teamId,
        UUID clientId,
        String clientName,
        Action action,
        Environment environment,
        String tokenHint,
        int usesLeft,
        String actorSubject,
        String actorName,
        Instant at)
        implements Audited {

    @Override
    public String auditAction() {
        return (environment == Environment.PRODUCTION ? "Production" : "Sandbox") + " " + action.label();
    }

    @Override
    public List<FieldChange> auditChanges() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("Initial access token", null, tokenHint));
        if (clientName != null) {
            changes.add(new FieldChange("Registered client", null, clientName));
        }
        if (action == Action.USED) {
            changes.add(new FieldChange("Uses left", String.valueOf(usesLeft + 1), String.valueOf(usesLeft)));
        }
        return changes;
    }

    public enum Action {
        CREATED("registration token created"),
        REVOKED("registration token revoked"),
        USED("registration token used");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
