package org.devportal.test;

import java.time.Instant;
import java.util.Arrays;
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

/** Puts a signed-in portal user, as the OIDC sign-in would leave it, into the security context. */
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

    private static OAuth2AuthenticationToken as(String email, boolean verified, Role... roles) {
        return as(UUID.nameUUIDFromBytes(email.getBytes()).toString(), email, verified, roles);
    }

    private static OAuth2AuthenticationToken as(String subject, String email, boolean verified, Role... roles) {
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        OidcIdToken idToken = new OidcIdToken(
                "test-id-token",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Map.of(
                        "sub",
                        subject,
                        "email",
                        email,
                        "email_verified",
                        verified,
                        "name",
                        email.substring(0, email.indexOf('@'))));
        OidcUser user = new DefaultOidcUser(authorities, idToken);
        OAuth2AuthenticationToken token = new OAuth2AuthenticationToken(user, authorities, "portal");
        SecurityContextHolder.getContext().setAuthentication(token);
        return token;
    }
}
