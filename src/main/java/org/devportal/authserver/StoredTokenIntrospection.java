package org.devportal.authserver;

import java.util.Optional;
import org.devportal.base.Environment;
import org.devportal.sandbox.IntrospectedToken;
import org.devportal.sandbox.TokenIntrospection;
import org.springframework.stereotype.Component;

/** Answers the sample API's questions about a bearer token from the issuers' authorization store. */
@Component
class StoredTokenIntrospection implements TokenIntrospection {

    private final AuthorizationStore store;
    private final PlatformClients clients;

    StoredTokenIntrospection(AuthorizationStore store, PlatformClients clients) {
        this.store = store;
        this.clients = clients;
    }

    @Override
    public Optional<IntrospectedToken> introspect(String token, Environment issuer) {
        return store.activeAccessToken(token)
                .filter(active -> active.issuer().environment() == issuer)
                // A client that production no longer serves, or has suspended, has no working tokens there.
                .filter(active -> {
                    var client = clients.findById(active.client().toString());
                    return client != null && !PlatformClients.isSuspended(client);
                })
                .map(active -> new IntrospectedToken(
                        active.subject(), active.clientId(), active.scopes(), active.expiresAt(), active.companyId()));
    }
}
