package org.devportal.credentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * A credential event of a client: a secret issued, rotated, revoked or relabelled. Carries the secret's display
 * hint (prefix and last characters) and label, never its value.
 */
public record CredentialChanged(
        UUID clientId,
        UUID teamId,
        SecretEnvironment environment,
        Action action,
        String secretHint,
        String previousSecretHint,
        String detail,
        String actorSubject,
        String actorName,
        Instant at,
        String previousLabel,
        String label)
        implements Audited {

    @Override
    public String auditAction() {
        return action.label();
    }

    /** The secret's hint before and after, and the note; never a secret value. */
    @Override
    public List<FieldChange> auditChanges() {
        String secret = environment == SecretEnvironment.PRODUCTION ? "Production secret" : "Sandbox secret";
        List<FieldChange> changes = new ArrayList<>(3);
        switch (action) {
            case ISSUED -> changes.add(new FieldChange(secret, null, secretHint));
            case ROTATED -> changes.add(new FieldChange(secret, previousSecretHint, secretHint));
            case REVOKED, EXPIRED -> changes.add(new FieldChange(secret, secretHint, null));
            case RELABELED -> changes.add(new FieldChange("Label of " + secretHint, previousLabel, label));
        }
        if (label != null && (action == Action.ISSUED || action == Action.ROTATED)) {
            changes.add(new FieldChange("Label", null, label));
        }
        if (detail != null) {
            changes.add(new FieldChange("Note", null, detail));
        }
        return List.copyOf(changes);
    }

    public enum Action {
        ISSUED("Secret issued"),
        ROTATED("Secret rotated"),
        REVOKED("Secret revoked"),
        EXPIRED("Secret expired"),
        RELABELED("Secret label changed");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
