package org.devportal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;

/**
 * A key that signs JWTs the portal issues, for one purpose ({@link SigningKeyRing}). Every node must sign with the same key and publish the same JWKS, since a load balancer sends the
 * token request to one node and the JWKS request to another; so the key lives in the database, not in memory.
 * <p>
 * The first node to start generates it and stores it under a fixed slot; a node that loses that race (a
 * duplicate key, or a Galera certification conflict) reads the winner's. The private key is stored encrypted
 * (AES-GCM, with a key derived by PBKDF2 from the server secret and a per-row salt), so that a copy of the
 * database alone cannot sign a token.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private final JdbcTemplate jdbc;
    private final String slot;
    private final String secret;
    private final Clock clock;
    private volatile JWKSet keys;

    SigningKeys(JdbcTemplate jdbc, String slot, String secret, Clock clock) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys());
    }

    /** The key set, read (or created) once per node on first use, after the schema exists. */
    JWKSet keys() {
        JWKSet loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    loaded = new JWKSet(loadOrCreate());
                    keys = loaded;
                }
            }
        }
        return loaded;
    }

    private JWK loadOrCreate() {
        JWK stored = load();
        if (stored != null) {
            return stored;
        }
        try {
            RSAKey generated = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            String salt =
                    HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
            jdbc.update(
                    "insert into signing_key (slot, kid, salt, encrypted_jwk, created_at) values (?, ?, ?, ?, ?)",
                    slot,
                    generated.getKeyID(),
                    salt,
                    encryptor(salt).encrypt(generated.toJSONString()),
                    Timestamp.from(clock.instant()));
            log.info("Generated the signing key {}", generated.getKeyID());
        } catch (DataIntegrityViolationException | ConcurrencyFailureException lostTheRace) {
            log.info("Another node stored the signing key first; using that one");
        } catch (JOSEException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
        JWK key = load();
        if (key == null) {
            throw new IllegalStateException("The signing key could not be stored or read");
        }
        return key;
    }

    private JWK load() {
        return jdbc.query(
                "select salt, encrypted_jwk from signing_key where slot = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    String json;
                    try {
                        json = encryptor(rs.getString(1)).decrypt(rs.getString(2));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException(
                                "The stored signing key cannot be decrypted: the server secret (PORTAL_CREDENTIALS_HMAC_KEY) is"
                                        + " not the one it was stored with",
                                e);
                    }
                    try {
                        return JWK.parse(json);
                    } catch (ParseException e) {
                        throw new IllegalStateException("The stored signing key is not a JWK", e);
                    }
                },
                slot);
    }

    private TextEncryptor encryptor(String salt) {
        return Encryptors.delux(secret, salt);
    }
}
