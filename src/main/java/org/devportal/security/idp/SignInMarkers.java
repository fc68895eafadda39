package org.devportal.security.idp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a sign-in to the identity provider carries besides the account id, as plain authorities: they survive the
 * authorization store's serialization without any extra type. The session epoch is the account's at the moment
 * the password was checked; an unverified account is marked so that sign-in can stop after the password check.
 * A passed second factor is marked with its method and time, which become the ID token's {@code amr} and
 * {@code auth_time}.
 */
final class SignInMarkers {

    static final String ACCOUNT = "IDP_ACCOUNT";
    static final String UNVERIFIED = "IDP_UNVERIFIED";
    private static final String EPOCH_PREFIX = "IDP_SESSION_EPOCH_";
    private static final String SECOND_FACTOR_PREFIX = "IDP_SECOND_FACTOR_";

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

    static boolean isAccount(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> ACCOUNT.equals(a.getAuthority()));
    }

    /** The second factor the sign-in passed last, if any. */
    static Optional<SecondFactorCheck> secondFactorOf(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(SECOND_FACTOR_PREFIX)) {
                String[] parts = name.substring(SECOND_FACTOR_PREFIX.length()).split("_", 2);
                try {
                    return Optional.of(new SecondFactorCheck(
                            SecondFactorMethod.valueOf(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The same sign-in, now having passed the second factor at the given time; an earlier check is replaced. */
    static Authentication withSecondFactor(Authentication signIn, SecondFactorMethod method, Instant at) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (GrantedAuthority authority : signIn.getAuthorities()) {
            if (authority.getAuthority() == null || !authority.getAuthority().startsWith(SECOND_FACTOR_PREFIX)) {
                authorities.add(authority);
            }
        }
        authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR_PREFIX + method.name() + "_" + at.toEpochMilli()));
        UsernamePasswordAuthenticationToken updated =
                UsernamePasswordAuthenticationToken.authenticated(signIn.getPrincipal(), null, authorities);
        updated.setDetails(signIn.getDetails());
        return updated;
    }

    /** A passed second factor. */
    record SecondFactorCheck(SecondFactorMethod method, Instant at) {}

    /** The second factors, named by their {@code amr} value (RFC 8176). */
    enum SecondFactorMethod {
        /** A passkey or security key: proof of possession of a hardware-secured key. */
        HWK,
        /** A one-time recovery code. */
        OTP;

        String amr() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
