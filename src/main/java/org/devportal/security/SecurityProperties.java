package org.devportal.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code portal.security.*}).
 *
 * @param registrationId the OAuth 2.0 client registration the portal signs in with
 * @param rolesClaim the ID-token claim that carries portal roles
 * @param adminEmails verified e-mail addresses that are always administrators
 * @param sessionLifetime how long a session lasts at most from its start, however active it is
 * @param stepUp when sensitive actions ask for the second factor again, and how the ID token shows one
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(
        String registrationId,
        String rolesClaim,
        List<String> adminEmails,
        Duration sessionLifetime,
        StepUpSettings stepUp) {

    public SecurityProperties {
        if (registrationId == null || registrationId.isBlank()) {
            registrationId = "portal";
        }
        if (rolesClaim == null || rolesClaim.isBlank()) {
            rolesClaim = "roles";
        }
        adminEmails = adminEmails == null
                ? List.of()
                : adminEmails.stream()
                        .filter(e -> !e.isBlank())
                        .map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .toList();
        if (sessionLifetime == null || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            sessionLifetime = Duration.ofHours(12);
        }
        if (stepUp == null) {
            stepUp = new StepUpSettings(null, null, null, null);
        }
    }

    /**
     * Step-up ({@code portal.security.step-up.*}).
     *
     * @param maxAge how long ago the last second-factor check may be for a sensitive action to go ahead
     * @param claim the ID-token claim that names the authentication methods used ({@code amr})
     * @param values values of that claim that count as a second factor
     * @param acr an {@code acr} value that also counts as a second factor, and is asked for at step-up; blank for
     *     none
     */
    public record StepUpSettings(Duration maxAge, String claim, List<String> values, String acr) {

        public StepUpSettings {
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
                maxAge = Duration.ofMinutes(5);
            }
            if (claim == null || claim.isBlank()) {
                claim = "amr";
            }
            values = values == null || values.isEmpty()
                    ? List.of("hwk", "mfa", "otp", "swk")
                    : values.stream()
                            .filter(v -> !v.isBlank())
                            .map(String::strip)
                            .toList();
            acr = acr == null ? "" : acr.strip();
        }
    }

    public boolean isAdminEmail(String email) {
        return email != null && adminEmails.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}
