package org.devportal.security.idp;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /**
     * Argon2id with OWASP's minimum parameters (19 MiB of memory, 2 iterations, parallelism 1). Hashes carry an
     * {@code {argon2}} prefix, so the parameters or algorithm can change later without locking anyone out. At most
     * {@code portal.idp.password-hashing.concurrent} hashes run at once.
     */
    @Bean
    BoundedPasswordEncoder passwordEncoder(IdpProperties properties) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new BoundedPasswordEncoder(
                new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2)),
                properties.passwordHashing().concurrent(),
                properties.passwordHashing().maxWait());
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock, IdpProperties properties) {
        return new LoginThrottle(clock, properties.throttle());
    }
}
