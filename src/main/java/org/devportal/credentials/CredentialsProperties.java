package org.devportal.credentials;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials settings ({@code portal.credentials.*}).
 *
 * @param hmacKey the server-side key of the secrets' keyed hash, base64; from the environment in production
 * @param clientSecretCheck how a presented client secret is checked; {@link ClientSecretCheck#KEYED_HASH} unless set
 */
@ConfigurationProperties("portal.credentials")
public record CredentialsProperties(String hmacKey, ClientSecretCheck clientSecretCheck) {

    /** How the token endpoint checks a presented client secret ({@code portal.credentials.client-secret-check}). */
    public enum ClientSecretCheck {
        /** The keyed hash (HMAC-SHA-256) that every secret is stored with. The default. */
        KEYED_HASH,
        /**
         * Spring Security's default for client secrets, a bcrypt hash of strength 10, checked with
         * {@code BCryptPasswordEncoder.matches}. Secrets issued in this mode are stored with a bcrypt hash as well
         * as the keyed hash; secrets issued before have none and are refused. Kept for comparison: client secrets
         * carry 256 random bits, so the slow hash buys nothing but latency on the token endpoint.
         */
        BCRYPT
    }

    /** The key the development configuration ships with; a warning is logged when it is used for real. */
    public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS1mb3ItY2xpZW50LXNlY3JldHM=";

    public CredentialsProperties {
        if (hmacKey == null || hmacKey.isBlank()) {
            hmacKey = DEVELOPMENT_KEY;
        }
        if (clientSecretCheck == null) {
            clientSecretCheck = ClientSecretCheck.KEYED_HASH;
        }
    }

    byte[] keyBytes() {
        try {
            return Base64.getDecoder().decode(hmacKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "portal.credentials.hmac-key must be base64 (for example: openssl rand -base64 32)");
        }
    }

    boolean usesDevelopmentKey() {
        return DEVELOPMENT_KEY.equals(hmacKey);
    }
}
