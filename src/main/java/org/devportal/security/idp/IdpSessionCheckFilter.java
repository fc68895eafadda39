package org.devportal.security.idp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.devportal.security.AccountSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The identity provider's own sign-in, checked against the account on every request to the provider: a session
 * signed in before a password reset (or for an account since deleted or unverified) ends here, so it cannot be
 * handed a fresh ID token. Ending it invalidates the whole servlet session, which the portal's sign-in shares.
 */
final class IdpSessionCheckFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdpSessionCheckFilter.class);

    private final IdpAccountSessions accounts;

    IdpSessionCheckFilter(IdpAccountSessions accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> SignInMarkers.ACCOUNT.equals(a.getAuthority()))
                && !current(authentication)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            log.info("Ended an identity provider session whose account changed since sign-in");
        }
        chain.doFilter(request, response);
    }

    private boolean current(Authentication authentication) {
        OptionalInt epoch = SignInMarkers.epochOf(authentication);
        Optional<AccountSessions.State> state = accounts.state(authentication.getName());
        return epoch.isPresent()
                && state.isPresent()
                && state.get().verified()
                && state.get().sessionEpoch() == epoch.getAsInt();
    }
}
