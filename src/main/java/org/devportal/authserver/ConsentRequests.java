package org.devportal.authserver;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.ScopeCatalogue;
import org.devportal.clients.ScopeDefinition;
import org.devportal.clients.redirecturi.WebUri;
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
        List<ConsentRequest.RequestedScope> scopes = scopes(request.getScopes());
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

    /**
     * The consent page as the issuer would show it for a client as its team is editing it, before it is saved: for
     * the client page's preview. It asks for every scope of the draft and shows the signed-in member's view. An
     * address that breaks the rules is shown as not set, as it could not be saved; the logo is the saved one.
     *
     * @param client the client as saved, which the signed-in user must be a member of the team of
     * @param draft the form's values as typed
     * @param issuer whose consent page: the sandbox's, which warns that nobody reviewed the client, or production's
     */
    public ConsentRequest preview(ClientDetails client, ClientUpdate draft, Issuer issuer) {
        String companyName = companies.nameFor(client.teamId());
        String name = draft.name() == null || draft.name().isBlank()
                ? client.name()
                : draft.name().strip();
        String redirectHost = draft.redirectUris() == null
                ? null
                : draft.redirectUris().stream()
                        .map(ConsentRequests::host)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElse(null);
        UUID clientId = issuer == Issuer.PRODUCTION ? client.productionClientId() : client.sandboxClientId();
        return new ConsentRequest(
                issuer,
                portal.url(issuer.path() + AuthorizationServerConfiguration.AUTHORIZATION_ENDPOINT),
                clientId == null ? "" : clientId.toString(),
                "",
                name,
                address(draft.clientUri()),
                client.logoHash() == null ? null : LogoService.path(client.logoHash(), 128),
                address(draft.tosUri()),
                address(draft.policyUri()),
                scopes(draft.scopes() == null ? Set.of() : draft.scopes()),
                issuer == Issuer.PRODUCTION,
                true,
                companyName,
                redirectHost);
    }

    /** The scopes in name order, each with what it allows; a name the catalogue lacks stands for itself. */
    private List<ConsentRequest.RequestedScope> scopes(Set<String> names) {
        Map<String, ScopeDefinition> definitions = catalogue.byName();
        return names.stream()
                .sorted()
                .map(name -> {
                    ScopeDefinition definition = definitions.get(name);
                    return definition == null
                            ? new ConsentRequest.RequestedScope(name, "", name)
                            : new ConsentRequest.RequestedScope(name, definition.api(), definition.description());
                })
                .toList();
    }

    /** A typed address the rules accept, which alone may become a link; null otherwise. */
    private static String address(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        return WebUri.check(value, Environment.SANDBOX).isPresent() ? null : value;
    }

    private static Optional<String> host(String redirectUri) {
        try {
            return Optional.ofNullable(URI.create(redirectUri.strip()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record ClientDisplay(UUID teamId, ClientSnapshot client) {}
}
