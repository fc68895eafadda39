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
    JWKSource<SecurityContext> jwkSource(
            JdbcTemplate jdbc, @Value("${portal.credentials.hmac-key:}") String serverSecret, Clock clock) {
        return new SigningKeys(jdbc, serverSecret.isBlank() ? DEVELOPMENT_SECRET : serverSecret.strip(), clock);
    }
}
