package org.devportal.security;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's signing keys, one per purpose, each stored once for every node ({@link SigningKeys}). Separate
 * purposes have separate keys, so that a JWT signed for one is never accepted by another: the built-in identity
 * provider accepts JWTs signed with its key as bearer tokens, and an ID token the issuers give partners must never
 * be one there.
 */
public final class SigningKeyRing {

    /** The built-in identity provider's key, which signs the portal's own sign-in. */
    public static final String IDENTITY_PROVIDER = "current";
    /** The sandbox and production issuers' key, which signs the ID tokens partners receive. */
    public static final String ISSUERS = "issuers";

    private final JdbcTemplate jdbc;
    private final String secret;
    private final Clock clock;

    SigningKeyRing(JdbcTemplate jdbc, String secret, Clock clock) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.clock = clock;
    }

    /** The key stored for a purpose; created by the first node that needs it. */
    public SigningKeys keys(String purpose) {
        return new SigningKeys(jdbc, purpose, secret, clock);
    }
}
