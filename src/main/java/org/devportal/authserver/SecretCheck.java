package org.devportal.authserver;

import org.devportal.credentials.CredentialService;
import org.devportal.credentials.SecretEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The check behind {@code client_secret_basic} at the issuers' token endpoints. Spring Authorization Server
 * compares the presented secret with the registered client's "encoded secret"; here that is the client's key,
 * and the comparison is the credentials module's keyed-hash check against every active secret of the issuer's
 * environment. Nothing is ever encoded with it.
 */
final class SecretCheck implements PasswordEncoder {

    private final CredentialService credentials;

    SecretCheck(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        throw new UnsupportedOperationException("Client secrets are issued by the credentials module");
    }

    @Override
    public boolean matches(CharSequence presented, String clientKey) {
        if (presented == null || clientKey == null) {
            return false;
        }
        ClientKey key;
        try {
            key = ClientKey.parse(clientKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        SecretEnvironment environment =
                key.issuer() == Issuer.PRODUCTION ? SecretEnvironment.PRODUCTION : SecretEnvironment.SANDBOX;
        var secret = credentials.authenticate(key.clientId(), environment, presented.toString());
        secret.ifPresent(AuthenticatedSecret::remember);
        return secret.isPresent();
    }
}
