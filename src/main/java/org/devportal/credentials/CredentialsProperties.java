package org.devportal.credentials;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials settings ({@code portal.credentials.*}).
 *
 * @param hmacKey the server-side key of the secrets' keyed hash, base64; from the environment in production
 */
@ConfigurationProperties("portal.credentials")
public record CredentialsProperties(String hmacKey) {

    /** The key the development configuration ships with; a warning is logged when it is used for real. */
    public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS1mb3ItY2xpZW50LXNlY3JldHM=";

    public CredentialsProperties {
        if (hmacKey == null || hmacKey.isBlank()) {
            hmacKey = DEVELOPMENT_KEY;
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
