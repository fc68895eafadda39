package org.devportal.security.idp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds an authorization request back until the sign-in has its second factor, so that the portal's session only
 * starts after both. An account that must have a passkey (reviewer, administrator) but has none goes to register
 * one first; an account with a passkey confirms with it (or a recovery code). A request with {@code prompt=login}
 * (the portal's step-up) waits for a second factor passed after it arrived, whatever the session had before: the
 * password stays valid for the session, the passkey is asked again.
 */
final class SecondFactorGate extends OncePerRequestFilter {

    static final String AUTHORIZE_PATH = IdpSecurityConfiguration.ISSUER_PATH + "/oauth2/authorize";
    static final String CONFIRM_PATH = "/idp/passkey";
    static final String REGISTER_PATH = "/idp/passkey/register";

    private final PasskeyService passkeys;
    private final Clock clock;

    SecondFactorGate(PasskeyService passkeys, Clock clock) {
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AUTHORIZE_PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signIn = SecurityContextHolder.getContext().getAuthentication();
        if (!SignInMarkers.isAccount(signIn) || SignInMarkers.unverified(signIn)) {
            chain.doFilter(request, response);
            return;
        }
        UUID account = UUID.fromString(signIn.getName());
        Optional<SignInMarkers.SecondFactorCheck> check = SignInMarkers.secondFactorOf(signIn);
        HttpSession session = request.getSession();
        String target = null;
        if (isStepUp(request)) {
            Instant since = session.getAttribute(IdpSession.STEP_UP_SINCE_ATTRIBUTE) instanceof Instant started
                    ? started
                    : null;
            if (since != null && check.isPresent() && check.get().at().isAfter(since)) {
                session.removeAttribute(IdpSession.STEP_UP_SINCE_ATTRIBUTE);
            } else {
                if (since == null) {
                    session.setAttribute(IdpSession.STEP_UP_SINCE_ATTRIBUTE, clock.instant());
                }
                target = passkeys.hasPasskey(account) ? CONFIRM_PATH : REGISTER_PATH;
            }
        } else if (check.isEmpty()) {
            if (passkeys.hasPasskey(account)) {
                target = CONFIRM_PATH;
            } else if (passkeys.requiresPasskey(account)) {
                target = REGISTER_PATH;
            }
        }
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        session.setAttribute(
                IdpSession.PENDING_AUTHORIZATION_ATTRIBUTE,
                request.getRequestURL() + (query == null ? "" : "?" + query));
        response.sendRedirect(target);
    }

    private static boolean isStepUp(HttpServletRequest request) {
        String prompt = request.getParameter("prompt");
        return prompt != null && Arrays.asList(prompt.split(" ")).contains("login");
    }
}
