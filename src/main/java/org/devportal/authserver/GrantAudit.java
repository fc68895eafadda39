package org.devportal.authserver;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/** Turns what the issuers decide into {@link GrantRecorded} events. */
@Component
class GrantAudit {

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
        events.publishEvent(new GrantRecorded(
                key.clientId(),
                teamId,
                key.issuer(),
                action,
                scopes == null || scopes.isEmpty()
                        ? null
                        : String.join(" ", scopes.stream().sorted().toList()),
                detail,
                subject,
                name,
                clock.instant()));
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
