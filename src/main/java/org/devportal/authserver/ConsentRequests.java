package org.devportal.authserver;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.clients.ScopeDefinition;
import org.devportal.logos.LogoService;
import org.devportal.sandbox.SandboxCompanies;
import org.devportal.security.CurrentUser;
import org.devportal.teams.TeamNotFoundException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Service;

/** The pending authorization behind a consent page, for the user who started it and nobody else. */
@Service
public class ConsentRequests {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final AuthorizationStore store;
    private final ClientDirectory directory;
    private final ScopeCatalogue catalogue;
    private final SandboxCompanies companies;
    private final LogoService logos;
    private final CurrentUser currentUser;
    private final PortalProperties portal;

    ConsentRequests(
            AuthorizationStore store,
            ClientDirectory directory,
            ScopeCatalogue catalogue,
            SandboxCompanies companies,
            LogoService logos,
            CurrentUser currentUser,
            PortalProperties portal) {
        this.store = store;
        this.directory = directory;
        this.catalogue = catalogue;
        this.companies = companies;
        this.logos = logos;
        this.currentUser = currentUser;
        this.portal = portal;
    }

    /** The request waiting for this user's consent under this state, if it exists and is theirs. */
    public Optional<ConsentRequest> pending(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        String subject = currentUser.require().subject();
        OAuth2Authorization authorization = store.findByToken(state, STATE);
        if (authorization == null || !subject.equals(authorization.getPrincipalName())) {
            return Optional.empty();
        }
        ClientKey key = ClientKey.parse(authorization.getRegisteredClientId());
        // Production shows what a reviewer approved, not what the team is editing.
        Optional<ClientDisplay> found = key.issuer() == Issuer.PRODUCTION
                ? directory.approvedById(key.clientId()).map(c -> new ClientDisplay(c.teamId(), c.approved()))
                : directory.byId(key.clientId()).map(c -> new ClientDisplay(c.teamId(), c.snapshot()));
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (found.isEmpty() || request == null) {
            return Optional.empty();
        }
        ClientSnapshot client = found.get().client();
        UUID teamId = found.get().teamId();
        Map<String, ScopeDefinition> definitions = catalogue.byName();
        List<ConsentRequest.RequestedScope> scopes = request.getScopes().stream()
                .sorted()
                .map(name -> {
                    ScopeDefinition definition = definitions.get(name);
                    return definition == null
                            ? new ConsentRequest.RequestedScope(name, "", name)
                            : new ConsentRequest.RequestedScope(name, definition.api(), definition.description());
                })
                .toList();
        String companyName = null;
        boolean member;
        try {
            companyName = companies.forMember(teamId).name();
            member = true;
        } catch (TeamNotFoundException | org.springframework.security.access.AccessDeniedException e) {
            member = false;
        }
        String logoUrl = client.logoHash() == null ? null : LogoService.path(client.logoHash(), 128);
        return Optional.of(new ConsentRequest(
                key.issuer(),
                portal.url(key.issuer().path() + AuthorizationServerConfiguration.AUTHORIZATION_ENDPOINT),
                request.getClientId(),
                state,
                client.name(),
                client.clientUri(),
                logoUrl,
                client.tosUri(),
                client.policyUri(),
                scopes,
                key.issuer() == Issuer.PRODUCTION,
                member,
                companyName,
                URI.create(request.getRedirectUri()).getHost()));
    }

    private record ClientDisplay(UUID teamId, ClientSnapshot client) {}
}
