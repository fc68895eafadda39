package org.devportal.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.UUID;

/**
 * The key the sandbox and production issuers sign ID tokens with, published at {@code {issuer}/oauth/jwks}. It is
 * the issuers' own, not the application's JWK set of the built-in identity provider: that provider accepts JWTs
 * signed with its key as bearer tokens, and an ID token that partners hold must never be one there. Generated at
 * start-up and kept in memory, so relying parties fetch the JWKS again when they meet an unknown {@code kid}.
 * Deliberately not a bean: a {@code JWKSource} bean would replace the identity provider's.
 */
final class IssuerKeys {

    private IssuerKeys() {}

    static JWKSource<SecurityContext> generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the issuers' signing key", e);
        }
    }
}
