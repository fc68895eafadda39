package org.devportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Makes the authorization request that follows {@link StepUp#requestReauthentication()} a step-up: {@code
 * prompt=login} asks the provider to authenticate the user again, whatever session it has, and the configured
 * {@code acr} value, if any, is asked for in {@code acr_values}. The request remembers the action it is for (in its
 * attributes, which stay with the portal). Other requests pass unchanged.
 */
final class StepUpAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    /** The request's attribute naming the action a step-up is for; the sign-in's result reads it back. */
    static final String STEP_UP_ACTION = "portal_step_up_action";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final SecurityProperties properties;

    StepUpAuthorizationRequests(ClientRegistrationRepository registrations, SecurityProperties properties) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        this.properties = properties;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return stepUp(request, delegate.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return stepUp(request, delegate.resolve(request, clientRegistrationId));
    }

    private OAuth2AuthorizationRequest stepUp(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
        HttpSession session = request.getSession(false);
        if (resolved == null
                || session == null
                || !(session.getAttribute(StepUp.PENDING_ATTRIBUTE) instanceof String action)) {
            return resolved;
        }
        session.removeAttribute(StepUp.PENDING_ATTRIBUTE);
        Map<String, Object> parameters = new HashMap<>(resolved.getAdditionalParameters());
        parameters.put("prompt", "login");
        if (!properties.stepUp().acr().isEmpty()) {
            parameters.put("acr_values", properties.stepUp().acr());
        }
        return OAuth2AuthorizationRequest.from(resolved)
                .additionalParameters(parameters)
                .attributes(attributes -> attributes.put(STEP_UP_ACTION, action))
                .build();
    }
}
