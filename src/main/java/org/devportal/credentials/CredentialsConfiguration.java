package org.devportal.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CredentialsConfiguration.class);

    @Bean
    SecretHasher secretHasher(CredentialsProperties properties, Environment environment) {
        if (properties.usesDevelopmentKey() && !environment.matchesProfiles("demo | test")) {
            log.warn("""

                    *************************************************************************************
                    * Client secrets are hashed with the development key.                               *
                    * Set PORTAL_CREDENTIALS_HMAC_KEY (openssl rand -base64 32) before running for real. *
                    * Changing the key later invalidates every stored secret.                           *
                    *************************************************************************************""");
        }
        return new SecretHasher(properties.keyBytes());
    }
}
