package org.devportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.Actor;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.MachineClientService;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the sandbox registration API (RFC 7591 and 7592). There is no signed-in user: each method
 * checks the bearer token it is given itself, in the same transaction as the change it authorises, so a token
 * with one use left registers exactly one client however many requests race for it.
 *
 * <p>A refused registration rolls back with everything else, so it does not spend a use of the token. Changes
 * are made as the actor "Registration API", which is what the client's history shows.
 */
@Service
public class ClientRegistrationService {

    static final Actor ACTOR = new Actor("registration-api", "Registration API");

    private final InitialAccessTokenRepository initialTokens;
    private final RegistrationAccessTokenRepository accessTokens;
    private final MachineClientService clients;
    private final ClientDirectory directory;
    private final CredentialService credentials;
    private final RegistrationProperties settings;
    private final Clock clock;

    ClientRegistrationService(
            InitialAccessTokenRepository initialTokens,
            RegistrationAccessTokenRepository accessTokens,
            MachineClientService clients,
            ClientDirectory directory,
            CredentialService credentials,
            RegistrationProperties settings,
            Clock clock) {
        this.initialTokens = initialTokens;
        this.accessTokens = accessTokens;
        this.clients = clients;
        this.directory = directory;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A client's registration as the API returns it.
     *
     * @param clientSecret the first sandbox secret of a confidential client, only in the answer to its registration
     * @param registrationAccessToken the token that manages the client from now on: new at registration and after
     *     every read or replacement, which replace the one presented
     */
    public record Registration(
            ClientDetails client, Optional<ClientSecret> clientSecret, RegistrationToken registrationAccessToken) {}

    /**
     * Registers a client in the team of the initial access token, spending one of its uses. A confidential client's
     * first sandbox secret is returned here and nowhere else.
     */
    @Transactional
    public Registration register(String initialAccessToken, byte[] body) {
        RegistrationToken presented = RegistrationToken.parse(RegistrationToken.Kind.INITIAL_ACCESS, initialAccessToken)
                .orElseThrow(() -> InvalidTokenException.unknown(RegistrationToken.Kind.INITIAL_ACCESS));
        StoredInitialAccessToken token = initialTokens
                .lockByTokenHash(presented.hash())
                .orElseThrow(() -> InvalidTokenException.unknown(RegistrationToken.Kind.INITIAL_ACCESS));
        Instant now = clock.instant();
        InitialAccessTokenStatus status = token.statusAt(now);
        if (!status.isActive()) {
            throw new InvalidTokenException(status.refusal());
        }
        ClientUpdate metadata = ClientMetadata.parse(body).toClientUpdate();
        token.use(now);
        ClientDetails client;
        try {
            client = clients.registerForTeam(token.teamId(), metadata, ACTOR);
        } catch (InvalidInputException e) {
            throw ClientMetadata.problemOf(e);
        }
        Optional<ClientSecret> secret = Optional.empty();
        if (client.clientType() == ClientType.CONFIDENTIAL) {
            // Issued by the credentials module as the client was registered; taking it here means the client page
            // never offers it for a reveal.
            secret = Optional.of(credentials
                    .takeSecretIssuedAtRegistration(client.id(), ACTOR)
                    .orElseThrow(
                            () -> new IllegalStateException("A confidential client was registered without a secret")));
        }
        RegistrationToken accessToken = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        accessTokens.save(new StoredRegistrationAccessToken(
                client.id(), client.teamId(), accessToken, token.getId(), now, settings.accessTokenLifetime()));
        return new Registration(client, secret, accessToken);
    }

    /** The client's current registration (RFC 7592 §2.1), with the token that replaces the one presented. */
    @Transactional(noRollbackFor = InvalidTokenException.class)
    public Registration read(String clientId, String registrationAccessToken) {
        Authorised authorised = authorise(clientId, registrationAccessToken);
        return new Registration(authorised.client(), Optional.empty(), rotate(authorised));
    }

    /**
     * Replaces the client's metadata with the body (RFC 7592 §2.2): fields left out are cleared, under the same
     * rules as a registration. The authentication method, and so the client type, cannot change. A client approved
     * for production is changed only in the portal, where its changes go through review. A refused replacement
     * rolls back, so the presented token stays the current one.
     */
    @Transactional(noRollbackFor = InvalidTokenException.class)
    public Registration replace(String clientId, String registrationAccessToken, byte[] body) {
        Authorised authorised = authorise(clientId, registrationAccessToken);
        ClientDetails current = authorised.client();
        refuseIfApproved(current, "changed");
        ClientMetadata metadata = ClientMetadata.parse(body);
        if (metadata.clientId() == null) {
            throw RegistrationException.invalidMetadata(
                    "client_id: include the client's client_id in a replacement " + "(RFC 7592 §2.2)");
        }
        if (!metadata.clientId().equals(current.sandboxClientId().toString())) {
            throw RegistrationException.invalidMetadata("client_id does not match the client at this address");
        }
        if (metadata.clientType() != current.clientType()) {
            throw RegistrationException.invalidMetadata("token_endpoint_auth_method cannot change after registration: "
                    + "a client that keeps a secret and one that cannot are different clients; register a new one");
        }
        if (metadata.clientSecret() != null
                && credentials
                        .verify(current.sandboxClientId(), metadata.clientSecret())
                        .isEmpty()) {
            throw RegistrationException.invalidMetadata("client_secret does not match an active secret of the "
                    + "client; leave it out, or send the current one");
        }
        ClientDetails replaced;
        try {
            replaced = clients.replaceMetadata(current.id(), metadata.toClientUpdate(), ACTOR);
        } catch (InvalidInputException e) {
            throw ClientMetadata.problemOf(e);
        }
        return new Registration(replaced, Optional.empty(), rotate(authorised));
    }

    /**
     * Deletes the client (RFC 7592 §2.3); its registration access token stops working with it. A client approved
     * for production is deleted only in the portal.
     */
    @Transactional(noRollbackFor = InvalidTokenException.class)
    public void delete(String clientId, String registrationAccessToken) {
        Authorised authorised = authorise(clientId, registrationAccessToken);
        refuseIfApproved(authorised.client(), "deleted");
        try {
            clients.deleteAs(authorised.client().id(), ACTOR);
        } catch (InvalidInputException e) {
            throw ClientMetadata.problemOf(e);
        }
        accessTokens.delete(authorised.stored());
    }

    /**
     * The client the registration access token manages, which must be the one at {@code clientId}. The token must
     * be the current one, or the one before it within the grace, and neither expired nor revoked. A token whose
     * client was deleted (in the portal, say) is deleted too, as RFC 7592 §3 recommends.
     */
    private Authorised authorise(String clientId, String presented) {
        RegistrationToken token = RegistrationToken.parse(RegistrationToken.Kind.REGISTRATION_ACCESS, presented)
                .orElseThrow(() -> InvalidTokenException.unknown(RegistrationToken.Kind.REGISTRATION_ACCESS));
        // Found without a lock, then locked by id and read as last committed: a request that waited while another
        // rotated the token sees it as the previous one, and refusalOf decides on that.
        StoredRegistrationAccessToken stored = accessTokens
                .findIdByTokenHash(token.hash())
                .or(() -> accessTokens.findIdByPreviousTokenHash(token.hash()))
                .flatMap(accessTokens::lockById)
                .orElseThrow(() -> InvalidTokenException.unknown(RegistrationToken.Kind.REGISTRATION_ACCESS));
        Optional<String> refusal = stored.refusalOf(token, clock.instant());
        if (refusal.isPresent()) {
            throw new InvalidTokenException(refusal.get());
        }
        Optional<ClientDetails> client = directory.byId(stored.clientId());
        if (client.isEmpty()) {
            accessTokens.delete(stored);
            throw new InvalidTokenException("The client of this registration access token no longer exists");
        }
        if (clientId == null || !client.get().sandboxClientId().toString().equalsIgnoreCase(clientId)) {
            throw new InvalidTokenException("This registration access token belongs to another client");
        }
        return new Authorised(stored, client.get(), token);
    }

    /** A new token for the client, which replaces the one presented (RFC 7592 §3). */
    private RegistrationToken rotate(Authorised authorised) {
        RegistrationToken next = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        authorised
                .stored()
                .rotate(
                        authorised.token(),
                        next,
                        clock.instant(),
                        settings.accessTokenLifetime(),
                        settings.accessTokenGrace());
        return next;
    }

    /**
     * The sandbox API never changes or deletes a client that has a production client ID: production serves it, or
     * served it and will again after a new approval (its approval revoked, or it suspended). Its changes go through
     * review in the portal, and deleting it would end it in production too.
     */
    private static void refuseIfApproved(ClientDetails client, String what) {
        if (client.productionClientId() != null) {
            throw new ApprovedClientException(
                    "This client has a production client ID ("
                            + client.productionClientId() + "), so it cannot be " + what + " through the sandbox "
                            + "registration API; a member of its team can do it in the portal, where changes go through review");
        }
    }

    private record Authorised(StoredRegistrationAccessToken stored, ClientDetails client, RegistrationToken token) {}
}
