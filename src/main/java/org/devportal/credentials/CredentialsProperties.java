package org.devportal.credentials;

import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Credentials settings ({@code portal.credentials.*}).
 *
 * @param hmacKey the server-side key of the secrets' keyed hash, base64; from the environment in production
 * @param revokeSuggestionAfter how long an older secret must have been quiet, while the newer one is in use, before
 *        the client page suggests revoking it
 */
@ConfigurationProperties("portal.credentials")
public record CredentialsProperties(String hmacKey, Duration revokeSuggestionAfter) {

    /** The key the development configuration ships with; a warning is logged when it is used for real. */
    public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS1mb3ItY2xpZW50LXNlY3JldHM=";

    static final Duration DEFAULT_REVOKE_SUGGESTION_AFTER = Duration.ofHours(24);

    @ConstructorBinding
    public CredentialsProperties {
        if (hmacKey == null || hmacKey.isBlank()) {
            hmacKey = DEVELOPMENT_KEY;
        }
        if (revokeSuggestionAfter == null) {
            revokeSuggestionAfter = DEFAULT_REVOKE_SUGGESTION_AFTER;
        }
        if (revokeSuggestionAfter.isNegative() || revokeSuggestionAfter.isZero()) {
            throw new IllegalStateException("portal.credentials.revoke-suggestion-after must be positive, such as 24h");
        }
    }

    public CredentialsProperties(String hmacKey) {
        this(hmacKey, null);
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
