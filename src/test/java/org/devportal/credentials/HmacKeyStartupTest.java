package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.devportal.base.DevelopmentSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Start-up with and without the HMAC key, on the credentials configuration alone: the whole portal would need a
 * database for the same answer.
 */
class HmacKeyStartupTest {

    private static final String A_REAL_KEY = "q8m3yWbXqRkF0m7tKx1b2v9h3s5n8c4d6f0g1j2k3l4=";

    private final ApplicationContextRunner portal =
            new ApplicationContextRunner().withUserConfiguration(CredentialsConfiguration.class);

    @Test
    void outside_the_demo_profile_the_portal_refuses_to_start_with_the_development_hmac_key() {
        portal.withBean(CredentialsProperties.class, () -> new CredentialsProperties(null))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(DevelopmentSecret.Refused.class)
                            .hasMessageContaining("PORTAL_CREDENTIALS_HMAC_KEY")
                            .hasMessageContaining("openssl rand -base64 32");
                });
    }

    @Test
    void the_demo_profile_starts_with_the_development_hmac_key() {
        portal.withBean(CredentialsProperties.class, () -> new CredentialsProperties(null))
                .withPropertyValues("spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecretHasher.class));
    }

    @Test
    void a_configured_hmac_key_starts_without_the_demo_profile() {
        portal.withBean(CredentialsProperties.class, () -> new CredentialsProperties(A_REAL_KEY))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecretHasher.class));
    }
}
