package org.devportal.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** One signing key for every node: see {@link SigningKeys}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    /**
     * Used only where the server secret is not set, which outside development the portal refuses at start-up.
     */
    private static final String DEVELOPMENT_SECRET = "development-signing-key-secret";

    @Bean
    SigningKeyRing signingKeyRing(
            JdbcTemplate jdbc, @Value("${portal.credentials.hmac-key:}") String serverSecret, Clock clock) {
        return new SigningKeyRing(jdbc, serverSecret.isBlank() ? DEVELOPMENT_SECRET : serverSecret.strip(), clock);
    }

    /** The built-in identity provider's key: the application's JWK source, which Spring Authorization Server uses. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyRing ring) {
        return ring.keys(SigningKeyRing.IDENTITY_PROVIDER);
    }
}
