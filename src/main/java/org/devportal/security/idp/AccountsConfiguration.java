package org.devportal.security.idp;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /**
     * Argon2id with OWASP's minimum parameters (19 MiB of memory, 2 iterations, parallelism 1). Hashes carry an
     * {@code {argon2}} prefix, so the parameters or algorithm can change later without locking anyone out.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock, IdpProperties properties) {
        return new LoginThrottle(clock, properties.throttle());
    }
}
