package org.devportal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes client secrets with HMAC-SHA-256 under a server-side key. A client secret carries 256 random bits, so a
 * slow password hash would add nothing but latency on the token endpoint; the key means that a copy of the
 * database alone is not enough to check a guess.
 * <p>
 * Thread-safe. A {@link Mac} is not, and looking one up and keying it on every call is wasted work, so each call
 * clones a keyed prototype. A {@code ThreadLocal} would not help here: with virtual threads every request has
 * a thread of its own.
 */
public final class SecretHasher {

    /** HMAC-SHA-256 keys shorter than its 32-byte output weaken it (RFC 2104 §3). */
    public static final int MIN_KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;
    private final Key key;
    private final boolean cloneable;

    /** @param key the server's hashing key, at least {@value #MIN_KEY_LENGTH} bytes; it is copied */
    public SecretHasher(byte[] key) {
        if (key == null || key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "The key for hashing client secrets must be at least " + MIN_KEY_LENGTH + " bytes long");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(this.key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
        this.cloneable = canClone(prototype);
    }

    /** The hash to store for a newly generated secret. */
    public SecretHash hash(ClientSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretHash(newMac().doFinal(secret.value().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether {@code presented} is the secret whose hash is {@code stored}, compared in constant time. */
    public boolean matches(ClientSecret presented, SecretHash stored) {
        Objects.requireNonNull(stored, "stored");
        return hash(presented).equals(stored);
    }

    /**
     * Whether {@code presented} is the secret whose hash is {@code stored}. A string that is not a well-formed
     * secret (wrong prefix, length, alphabet or checksum) is refused without being hashed.
     */
    public boolean matches(String presented, SecretHash stored) {
        Objects.requireNonNull(stored, "stored");
        return ClientSecret.parse(presented)
                .map(secret -> matches(secret, stored))
                .orElse(false);
    }

    @Override
    public String toString() {
        return "SecretHasher[HMAC-SHA-256]";
    }

    private Mac newMac() {
        try {
            if (cloneable) {
                // The prototype is keyed but never updated, so concurrent clones only read its state.
                return (Mac) prototype.clone();
            }
            Mac mac = Mac.getInstance(ALGORITHM, prototype.getProvider());
            mac.init(key);
            return mac;
        } catch (CloneNotSupportedException | GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Some providers (for instance some FIPS modules) cannot clone a keyed Mac; those get a new one per call. */
    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }
}
