package org.devportal.security.idp;

import java.util.OptionalInt;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a sign-in to the identity provider carries besides the account id, as plain authorities: they survive the
 * authorization store's serialization without any extra type. The session epoch is the account's at the moment
 * the password was checked; an unverified account is marked so that sign-in can stop after the password check.
 */
final class SignInMarkers {

    static final String ACCOUNT = "IDP_ACCOUNT";
    static final String UNVERIFIED = "IDP_UNVERIFIED";
    private static final String EPOCH_PREFIX = "IDP_SESSION_EPOCH_";

    private SignInMarkers() {}

    static GrantedAuthority epoch(int epoch) {
        return new SimpleGrantedAuthority(EPOCH_PREFIX + epoch);
    }

    static OptionalInt epochOf(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(EPOCH_PREFIX)) {
                try {
                    return OptionalInt.of(Integer.parseInt(name.substring(EPOCH_PREFIX.length())));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    static boolean unverified(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> UNVERIFIED.equals(a.getAuthority()));
    }
}
