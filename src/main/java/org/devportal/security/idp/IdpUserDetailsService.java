package org.devportal.security.idp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks accounts up by e-mail for the sign-in form. The resulting user name is the account's id, which becomes
 * the stable {@code sub} of the ID token: it survives a change of e-mail address.
 */
class IdpUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    IdpUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    private static List<GrantedAuthority> authorities(Account account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SignInMarkers.ACCOUNT));
        authorities.add(SignInMarkers.epoch(account.sessionEpoch()));
        if (!account.emailVerified()) {
            authorities.add(new SimpleGrantedAuthority(SignInMarkers.UNVERIFIED));
        }
        return authorities;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.findByEmail(email == null ? "" : email)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
        return User.withUsername(account.getId().toString())
                .password(account.passwordHash())
                .authorities(authorities(account))
                .build();
    }
}
