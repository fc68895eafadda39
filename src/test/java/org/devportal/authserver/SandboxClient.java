package org.devportal.authserver;

import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.test.TestClients;

/**
 * A confidential client that a signed-in member registered in the sandbox, with the scopes it asks for and the
 * sandbox secret the portal reveals once after registration: the starting point of every test that authorizes a
 * partner's server over HTTP.
 */
public record SandboxClient(ClientDetails client, ClientSecret secret) {

    /**
     * Registers the client in the team, gives it these scopes and takes the secret revealed at registration. The
     * signed-in member must belong to the team; they stay signed in.
     */
    public static SandboxClient registerConfidential(
            ClientService clients,
            CredentialService credentials,
            UUID teamId,
            String name,
            String redirectUri,
            String... scopes) {
        ClientDetails client =
                TestClients.registerWithScopes(clients, teamId, ClientType.CONFIDENTIAL, name, redirectUri, scopes);
        ClientSecret secret =
                credentials.takeRevealAfterRegistration(client.id()).orElseThrow();
        return new SandboxClient(client, secret);
    }

    /** The client ID a partner's server presents at the sandbox issuer. */
    public String clientId() {
        return client.sandboxClientId().toString();
    }
}
