package org.devportal.security;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The step-up policy: a sensitive action ({@link StepUpAction}) goes ahead only when the session's last
 * second-factor check is at most {@code portal.security.step-up.max-age} old. The time comes from the ID token the
 * session signed in with ({@code auth_time} with a second-factor {@code amr} value or the configured {@code acr}),
 * whichever identity provider issued it. Services call {@link #require}; views turn the exception into a new
 * round through the identity provider.
 */
@Component
public class StepUp {

    /**
     * Set, to the action's name, while the next authorization request is a step-up, which asks the provider to
     * authenticate again.
     */
    static final String PENDING_ATTRIBUTE = "PORTAL_STEP_UP_PENDING";

    private final SecurityProperties properties;
    private final Clock clock;

    StepUp(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Goes ahead when the second factor is fresh; throws {@link StepUpRequiredException} otherwise. */
    public void require(StepUpAction action) {
        if (!isFresh()) {
            throw new StepUpRequiredException(action);
        }
    }

    /** Whether the signed-in user passed a second factor recently enough for any sensitive action. */
    public boolean isFresh() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            throw new AuthenticationCredentialsNotFoundException("Not signed in");
        }
        Map<String, Object> claims =
                user.getIdToken() == null ? user.getClaims() : user.getIdToken().getClaims();
        return SecondFactor.isFresh(claims, properties.stepUp(), clock.instant());
    }

    /**
     * Ends the portal's sign-in in this session, keeping everything else in it, and marks the next sign-in as a
     * step-up. The caller then reloads the page it is on: the portal saves that page, sends the browser to the
     * identity provider asking it to authenticate again, and returns to the page with a new ID token. A step-up that
     * comes back with a fresh second factor is audited as {@link StepUpPassed}, naming the action.
     */
    public void requestReauthentication(StepUpAction action) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            throw new IllegalStateException("A step-up needs the user's HTTP request");
        }
        HttpSession session = attributes.getRequest().getSession();
        session.setAttribute(PENDING_ATTRIBUTE, action.name());
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.clearContext();
    }
}
