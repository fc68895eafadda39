package org.devportal.authserver;

import java.util.Locale;
import java.util.UUID;
import org.devportal.base.PortalProperties;
import org.devportal.clients.SubjectTypePreference;
import org.devportal.sandbox.SandboxCompanies;
import org.devportal.sandbox.SandboxCompany;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The subject of an access token is the resource owner the client acts for, named after the client's subject
 * type preference: the company by default ({@code urn:<platform>:company:<id>}), or its organisation.
 */
final class TokenSubjects implements OAuth2TokenCustomizer<OAuth2TokenClaimsContext> {

    private final SandboxCompanies companies;
    private final String namespace;

    TokenSubjects(SandboxCompanies companies, PortalProperties portal) {
        this.companies = companies;
        this.namespace = "urn:" + portal.platformName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "") + ":";
    }

    @Override
    public void customize(OAuth2TokenClaimsContext context) {
        UUID teamId = context.getRegisteredClient().getClientSettings().getSetting(PlatformClients.TEAM_SETTING);
        SubjectTypePreference preference =
                context.getRegisteredClient().getClientSettings().getSetting(PlatformClients.SUBJECT_TYPE_SETTING);
        SandboxCompany company = companies
                .ofTeam(teamId)
                .orElseThrow(
                        () -> new IllegalStateException("An authorization exists only once its team's company does"));
        String subject = preference == SubjectTypePreference.ORGANISATION
                ? namespace + "organisation:" + company.organisationId()
                : namespace + "company:" + company.id();
        context.getClaims()
                .subject(subject)
                .claim(AuthorizationStore.COMPANY_CLAIM, company.id().toString())
                .claim("client_id", context.getRegisteredClient().getClientId());
    }
}
