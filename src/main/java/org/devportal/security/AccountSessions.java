package org.devportal.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The current state of an account that a portal session was signed in with, read from the database on each request
 * so that a password reset, a verification or a change of roles reaches every open session on every node. Only the
 * built-in identity provider has such state; sessions from an external provider are left alone.
 */
public interface AccountSessions {

    /** The ID-token claim with the account's session epoch at the time of sign-in. */
    String SESSION_EPOCH_CLAIM = "session_epoch";

    /** Whether the user was signed in by the provider that keeps this state. */
    boolean appliesTo(OidcUser user);

    /** The account behind the user now; empty when it no longer exists. */
    Optional<State> current(OidcUser user);

    /**
     * @param verified whether the account's e-mail address is verified
     * @param sessionEpoch sessions signed in with another epoch have ended
     * @param roles the account's roles now
     */
    record State(boolean verified, int sessionEpoch, Set<Role> roles) {

        public State {
            roles = Set.copyOf(roles);
        }
    }
}
