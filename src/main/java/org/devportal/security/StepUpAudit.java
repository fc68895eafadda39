package org.devportal.security;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link StepUpPassed} when a sign-in that was a step-up comes back with a fresh second factor. The sign-in's
 * own authorization request says whether it was one, so an ordinary sign-in with a passkey is no step-up. A step-up
 * whose ID token names no fresh second factor publishes nothing: the action stays refused and asks again.
 */
@Component
class StepUpAudit {

    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StepUpAudit(SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof OAuth2LoginAuthenticationToken login)
                || !(login.getPrincipal() instanceof OidcUser user)
                || login.getAuthorizationExchange() == null
                || !(login.getAuthorizationExchange()
                                .getAuthorizationRequest()
                                .getAttribute(StepUpAuthorizationRequests.STEP_UP_ACTION)
                        instanceof String name)) {
            return;
        }
        StepUpAction action;
        try {
            action = StepUpAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            return;
        }
        Map<String, Object> claims = user.getIdToken().getClaims();
        if (!SecondFactor.isFresh(claims, properties.stepUp(), clock.instant())) {
            return;
        }
        String displayName = user.getFullName() != null ? user.getFullName() : user.getEmail();
        events.publishEvent(new StepUpPassed(
                user.getSubject(),
                displayName == null ? user.getSubject() : displayName,
                user.getEmail(),
                action,
                SecondFactor.methods(claims, properties.stepUp()),
                clock.instant()));
    }
}
