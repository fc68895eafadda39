package org.devportal.authserver;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.devportal.base.Excerpt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Turns what the issuers decide into {@link GrantRecorded} events. Scopes and reasons may repeat what a request
 * sent, so they are kept as excerpts. Refusals before sign-in and refreshes are counted per client and hour rather
 * than recorded one by one: a partner integration refreshes all day, and a row per refresh would bury the entries
 * that matter to a team and cost the token endpoint a write per grant.
 */
@Component
class GrantAudit {

    /** Enough for the issuers' own reasons; a request's text beyond it is cut. */
    static final int DETAIL_LENGTH = 300;

    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrantAudit(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(
            RegisteredClient client,
            GrantRecorded.Action action,
            Collection<String> scopes,
            String detail,
            Authentication user) {
        if (client == null) {
            return;
        }
        ClientKey key = ClientKey.parse(client.getId());
        UUID teamId = client.getClientSettings().getSetting(PlatformClients.TEAM_SETTING);
        String subject = user == null ? "client:" + client.getClientId() : user.getName();
        String name = user == null ? "Client " + client.getClientId() : displayName(user);
        boolean refusedBeforeSignIn = user == null
                && (action == GrantRecorded.Action.REQUEST_REFUSED
                        || action == GrantRecorded.Action.TOKEN_REQUEST_REFUSED);
        boolean counted = refusedBeforeSignIn || action == GrantRecorded.Action.TOKENS_REFRESHED;
        events.publishEvent(new GrantRecorded(
                key.clientId(),
                teamId,
                key.issuer(),
                action,
                scopes == null || scopes.isEmpty()
                        ? null
                        : Excerpt.of(String.join(" ", scopes.stream().sorted().toList()), DETAIL_LENGTH),
                Excerpt.of(detail, DETAIL_LENGTH),
                subject,
                name,
                clock.instant(),
                counted ? GrantRecorded.COUNTED_PER : null,
                AuthenticatedSecret.current().orElse(null)));
    }

    private static String displayName(Authentication user) {
        if (user.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser oidc) {
            if (oidc.getFullName() != null) {
                return oidc.getFullName();
            }
            if (oidc.getEmail() != null) {
                return oidc.getEmail();
            }
        }
        return user.getName();
    }
}
