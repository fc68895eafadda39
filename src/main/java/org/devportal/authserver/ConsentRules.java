package org.devportal.authserver;

import java.util.UUID;
import java.util.function.Consumer;
import org.devportal.sandbox.SandboxCompanies;
import org.devportal.teams.TeamNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * What an approval needs besides the user's click: the user is a member of the client's team, and the
 * authorization is for that team's sandbox company, which is created on first use. Checked on the server when
 * the consent form is posted, whatever the consent page showed.
 */
final class ConsentRules implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    private final SandboxCompanies companies;

    ConsentRules(SandboxCompanies companies) {
        this.companies = companies;
    }

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
        if (answer.getScopes().isEmpty()) {
            return; // a denial: Spring Authorization Server answers access_denied
        }
        UUID teamId = context.getRegisteredClient().getClientSettings().getSetting(PlatformClients.TEAM_SETTING);
        try {
            companies.forMember(teamId);
        } catch (TeamNotFoundException | org.springframework.security.access.AccessDeniedException e) {
            OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
            OAuth2AuthorizationCodeRequestAuthenticationToken result =
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(
                            request.getAuthorizationUri(),
                            request.getClientId(),
                            (Authentication) context.getAuthentication().getPrincipal(),
                            request.getRedirectUri(),
                            request.getState(),
                            request.getScopes(),
                            null);
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(
                            OAuth2ErrorCodes.ACCESS_DENIED,
                            "Only members of the team that owns this client can authorise it for their sandbox company",
                            null),
                    result);
        }
    }
}
