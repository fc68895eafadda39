package org.devportal.credentials;

import org.devportal.base.DevelopmentSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    static final DevelopmentSecret HMAC_KEY =
            new DevelopmentSecret("PORTAL_CREDENTIALS_HMAC_KEY", "the keyed hash of every client secret");

    /** Refuses the development key outside the demo profile: changing the key later invalidates every secret. */
    @Bean
    SecretHasher secretHasher(CredentialsProperties properties, Environment environment) {
        HMAC_KEY.requireConfigured(
                properties.usesDevelopmentKey(), environment.matchesProfiles(DevelopmentSecret.DEMO_PROFILE));
        return new SecretHasher(properties.keyBytes());
    }
}
