package org.devportal.credentials;

import java.time.Instant;
import java.util.UUID;

/**
 * A credential event of a client: a secret issued, rotated or revoked. Carries the secret's display hint
 * (prefix and last characters), never its value.
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
        Instant at) {

    public enum Action {
        ISSUED("Secret issued"),
        ROTATED("Secret rotated"),
        REVOKED("Secret revoked"),
        EXPIRED("Secret expired");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
