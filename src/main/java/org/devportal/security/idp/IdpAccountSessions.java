package org.devportal.security.idp;

import java.util.Optional;
import java.util.UUID;
import org.devportal.base.PortalProperties;
import org.devportal.security.AccountSessions;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The session state of the built-in identity provider's accounts, for the portal's per-request check. */
@Component
class IdpAccountSessions implements AccountSessions {

    private final AccountRepository accounts;
    private final IdpProperties properties;
    private final String issuer;

    IdpAccountSessions(AccountRepository accounts, IdpProperties properties, PortalProperties portal) {
        this.accounts = accounts;
        this.properties = properties;
        this.issuer = portal.url(IdpSecurityConfiguration.ISSUER_PATH);
    }

    @Override
    public boolean appliesTo(OidcUser user) {
        return properties.enabled()
                && user.getIssuer() != null
                && issuer.equals(user.getIssuer().toString());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<State> current(OidcUser user) {
        return state(user.getSubject());
    }

    /** The state of the account with this id (the provider's {@code sub}); empty for anything else. */
    @Transactional(readOnly = true)
    Optional<State> state(String accountId) {
        UUID id;
        try {
            id = UUID.fromString(accountId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return accounts.findById(id)
                .map(account -> new State(account.emailVerified(), account.sessionEpoch(), account.roles()));
    }
}
