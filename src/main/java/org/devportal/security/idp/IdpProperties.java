package org.devportal.security.idp;

import java.time.Duration;
import org.devportal.base.RateLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the built-in identity provider ({@code portal.idp.*}).
 *
 * @param enabled whether the built-in provider runs and the portal signs in through it
 * @param clientSecret the secret of the portal's own client at the provider
 * @param verificationLinkValidity how long an e-mail verification link works
 * @param resetLinkValidity how long a password reset link works
 * @param throttle limits on failed sign-ins
 * @param passwordHashing how many password hashes may run at once
 * @param signUp hourly limit on sign-ups
 * @param passwordReset hourly limit on password reset e-mails
 * @param resendVerification hourly limit on new verification links
 */
@ConfigurationProperties("portal.idp")
public record IdpProperties(
        boolean enabled,
        String clientSecret,
        Duration verificationLinkValidity,
        Duration resetLinkValidity,
        Throttle throttle,
        PasswordHashing passwordHashing,
        RateLimits.Limit signUp,
        RateLimits.Limit passwordReset,
        RateLimits.Limit resendVerification) {

    public static final String DEVELOPMENT_CLIENT_SECRET = "dev-only-portal-client-secret";

    public IdpProperties {
        if (clientSecret == null || clientSecret.isBlank()) {
            clientSecret = DEVELOPMENT_CLIENT_SECRET;
        }
        if (verificationLinkValidity == null) {
            verificationLinkValidity = Duration.ofHours(24);
        }
        if (resetLinkValidity == null) {
            resetLinkValidity = Duration.ofHours(1);
        }
        if (throttle == null) {
            throttle = new Throttle(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
        }
        if (passwordHashing == null) {
            passwordHashing = new PasswordHashing(4, Duration.ofSeconds(2));
        }
        if (signUp == null) {
            signUp = new RateLimits.Limit(20, 3);
        }
        if (passwordReset == null) {
            passwordReset = new RateLimits.Limit(20, 5);
        }
        if (resendVerification == null) {
            resendVerification = new RateLimits.Limit(20, 5);
        }
    }

    /**
     * The cap on password hashing (Argon2id, 19 MiB each).
     *
     * @param concurrent hashes that may run at once on a node
     * @param maxWait how long a further hash waits for its turn before the request is refused with "try again"
     */
    public record PasswordHashing(int concurrent, Duration maxWait) {}

    /**
     * Throttling of failed sign-ins. Past the allowed failures within the window, each further failure doubles
     * the wait, from the base delay up to the maximum.
     *
     * @param accountFailures failures allowed per account (per e-mail address entered) within the window
     * @param addressFailures failures allowed per source address within the window
     * @param window how long failures are remembered
     * @param baseDelay the first wait
     * @param maxDelay the longest wait
     */
    public record Throttle(
            int accountFailures, int addressFailures, Duration window, Duration baseDelay, Duration maxDelay) {}
}
