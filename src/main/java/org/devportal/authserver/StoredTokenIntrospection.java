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

    StoredTokenIntrospection(AuthorizationStore store) {
        this.store = store;
    }

    @Override
    public Optional<IntrospectedToken> introspect(String token, Environment issuer) {
        return store.activeAccessToken(token)
                .filter(active -> active.issuer().environment() == issuer)
                .map(active -> new IntrospectedToken(
                        active.subject(), active.clientId(), active.scopes(), active.expiresAt(), active.companyId()));
    }
}
