package org.devportal.security.idp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The passkey store, Spring Security's WebAuthn tables in MariaDB. Unlike the relying party and its endpoints
 * ({@link IdpPasskeyConfiguration}), it exists with the built-in provider switched off too: the passkeys page and
 * its service stay available and tell a user of an external provider that their second factor is managed there.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStoreConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcTemplate jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }
}
