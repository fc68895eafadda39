package org.devportal.security.idp;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The identity provider's sign-in as the servlet session keeps it, apart from the portal's own. The provider's
 * pages are Vaadin views, whose server round trips do not pass the provider's filter chains, so its services read
 * and update the sign-in here.
 */
final class IdpSession {

    static final String CONTEXT_ATTRIBUTE = "PORTAL_IDP_SECURITY_CONTEXT";

    /** The authorization request that waits for the second factor, to be resumed once it is passed. */
    static final String PENDING_AUTHORIZATION_ATTRIBUTE = "PORTAL_IDP_PENDING_AUTHORIZATION";

    /** When the pending step-up began: only a second factor passed after it lets the request through. */
    static final String STEP_UP_SINCE_ATTRIBUTE = "PORTAL_IDP_STEP_UP_SINCE";

    private IdpSession() {}

    static Optional<HttpSession> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false));
        }
        return Optional.empty();
    }

    /** The password sign-in of a verified account in this session, if any. */
    static Optional<Authentication> signIn(HttpSession session) {
        return session.getAttribute(CONTEXT_ATTRIBUTE) instanceof SecurityContext context
                        && SignInMarkers.isAccount(context.getAuthentication())
                        && !SignInMarkers.unverified(context.getAuthentication())
                ? Optional.of(context.getAuthentication())
                : Optional.empty();
    }

    static Optional<UUID> account(HttpSession session) {
        return signIn(session).map(signIn -> UUID.fromString(signIn.getName()));
    }

    static void replace(HttpSession session, Authentication signIn) {
        session.setAttribute(CONTEXT_ATTRIBUTE, new SecurityContextImpl(signIn));
    }

    /** Where the browser goes once the second factor is passed: the waiting authorization request, or home. */
    static String continueUrl(HttpSession session) {
        return session.getAttribute(PENDING_AUTHORIZATION_ATTRIBUTE) instanceof String url ? url : "/";
    }
}
