package org.devportal.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Puts a signed-in portal user, as the OIDC sign-in would leave it, into the security context. Users have passed
 * a second factor (a passkey, {@code amr} {@code ["pwd","hwk"]}) at the moment they signed in, unless a test asks
 * for a user without one or with an older one.
 */
public final class SignedIn {

    private SignedIn() {}

    public static OAuth2AuthenticationToken as(String email, Role... roles) {
        return as(email, true, roles);
    }

    /** A user whose identity provider has not verified the e-mail address yet. */
    public static OAuth2AuthenticationToken unverified(String email, Role... roles) {
        return as(email, false, roles);
    }

    /** A user with a given subject, such as an account of the built-in identity provider. */
    public static OAuth2AuthenticationToken withSubject(String subject, String email, Role... roles) {
        return as(subject, email, true, roles);
    }

    /** A user who signed in with a password only. */
    public static OAuth2AuthenticationToken withoutSecondFactor(String email, Role... roles) {
        return as(subjectOf(email), email, true, null, roles);
    }

    /** A user whose last second-factor check was at the given time. */
    public static OAuth2AuthenticationToken withSecondFactorAt(Instant checkedAt, String email, Role... roles) {
        return as(subjectOf(email), email, true, checkedAt, roles);
    }

    /** A user with a given subject whose last second-factor check was at the given time. */
    public static OAuth2AuthenticationToken withSubjectAndSecondFactorAt(
            String subject, Instant checkedAt, String email, Role... roles) {
        return as(subject, email, true, checkedAt, roles);
    }

    private static String subjectOf(String email) {
        return UUID.nameUUIDFromBytes(email.getBytes()).toString();
    }

    private static OAuth2AuthenticationToken as(String email, boolean verified, Role... roles) {
        return as(subjectOf(email), email, verified, roles);
    }

    private static OAuth2AuthenticationToken as(String subject, String email, boolean verified, Role... roles) {
        return as(subject, email, verified, Instant.now(), roles);
    }

    private static OAuth2AuthenticationToken as(
            String subject, String email, boolean verified, Instant secondFactorAt, Role... roles) {
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        Map<String, Object> claims = new HashMap<>(Map.of(
                "sub",
                subject,
                "email",
                email,
                "email_verified",
                verified,
                "name",
                email.substring(0, email.indexOf('@'))));
        if (secondFactorAt == null) {
            claims.put("amr", List.of("pwd"));
            claims.put("auth_time", Instant.now());
        } else {
            claims.put("amr", List.of("pwd", "hwk"));
            claims.put("auth_time", secondFactorAt);
        }
        OidcIdToken idToken =
                new OidcIdToken("test-id-token", Instant.now(), Instant.now().plusSeconds(300), claims);
        OidcUser user = new DefaultOidcUser(authorities, idToken);
        OAuth2AuthenticationToken token = new OAuth2AuthenticationToken(user, authorities, "portal");
        SecurityContextHolder.getContext().setAuthentication(token);
        return token;
    }
}
