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
 */
@ConfigurationProperties("portal.security")
public record SecurityProperties(
        String registrationId, String rolesClaim, List<String> adminEmails, Duration sessionLifetime) {

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
    }

    public boolean isAdminEmail(String email) {
        return email != null && adminEmails.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}
