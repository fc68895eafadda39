package org.devportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devportal.base.Environment;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.Actor;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.MachineClientService;
import org.devportal.clients.SubmissionRefusedException;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.review.ReviewService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the registration API (RFC 7591 and 7592), in the sandbox and at production. There is no signed-in user: each method
 * checks the bearer token it is given itself, in the same transaction as the change it authorises, so a token
 * with one use left registers exactly one client however many requests race for it.
 *
 * <p>A refused registration rolls back with everything else, so it does not spend a use of the token. Changes
 * are made as the actor "Registration API", which is what the client's history shows.
 *
 * <p>At production, a registration also submits the client for review, under the production rules, in the same
 * transaction: a client that would not pass them is not registered at all, and the token keeps its use. The
 * client has no production credentials until a reviewer approves it, exactly as when a team submits in the portal.
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
    private final ReviewService reviews;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientRegistrationService(
            InitialAccessTokenRepository initialTokens,
            RegistrationAccessTokenRepository accessTokens,
            MachineClientService clients,
            ClientDirectory directory,
            CredentialService credentials,
            RegistrationProperties settings,
            ReviewService reviews,
            ApplicationEventPublisher events,
            Clock clock) {
        this.initialTokens = initialTokens;
        this.accessTokens = accessTokens;
        this.clients = clients;
        this.directory = directory;
        this.credentials = credentials;
        this.settings = settings;
        this.reviews = reviews;
        this.events = events;
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
     * Registers a client in the sandbox, in the team of a sandbox initial access token, spending one of its uses. A
     * confidential client's first sandbox secret is returned here and nowhere else.
     */
    @Transactional
    public Registration register(String initialAccessToken, byte[] body) {
        return register(Environment.SANDBOX, initialAccessToken, body);
    }

    /**
     * Registers a client with an initial access token of the environment, spending one of its uses. In the sandbox,
     * a confidential client's first sandbox secret is returned here and nowhere else. At production, the client is
     * submitted for review as well and no secret is returned: production credentials come with approval.
     */
    @Transactional
    public Registration register(Environment environment, String initialAccessToken, byte[] body) {
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
        if (token.environment() != environment) {
            throw new InvalidTokenException(
                    environment == Environment.PRODUCTION
                            ? "This is a sandbox initial access token; registration at production needs a production"
                                    + " token, which an owner of the team creates in the portal"
                            : "This is a production initial access token; use it at "
                                    + ClientRegistrationEndpoint.PRODUCTION_PATH);
        }
        ClientUpdate metadata = ClientMetadata.parse(body).toClientUpdate();
        token.use(now);
        ClientDetails client;
        try {
            client = clients.registerForTeam(token.teamId(), metadata, ACTOR);
        } catch (InvalidInputException e) {
            throw ClientMetadata.problemOf(e);
        }
        if (environment == Environment.PRODUCTION) {
            submitForReview(client);
            client = directory.byId(client.id()).orElseThrow();
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
        if (environment == Environment.PRODUCTION) {
            // The sandbox secret every confidential client gets at registration stays unknown to everyone: a
            // production registration answers with no secret at all, and the team issues sandbox and production
            // secrets in the portal.
            secret = Optional.empty();
        }
        RegistrationToken accessToken = RegistrationToken.generate(RegistrationToken.Kind.REGISTRATION_ACCESS);
        accessTokens.save(new StoredRegistrationAccessToken(
                client.id(), client.teamId(), accessToken, token.getId(), now, settings.accessTokenLifetime()));
        events.publishEvent(new InitialAccessTokenChanged(
                token.teamId(),
                client.id(),
                client.name(),
                InitialAccessTokenChanged.Action.USED,
                token.environment(),
                token.displayHint(),
                token.usesLeft(),
                ACTOR.subject(),
                ACTOR.displayName(),
                now));
        return new Registration(client, secret, accessToken);
    }

    /**
     * Puts the client into the review queue as the registration API. A refusal names every field that fails the
     * production rules; redirect URIs have an error code of their own (RFC 7591 §3.2.2).
     */
    private void submitForReview(ClientDetails client) {
        try {
            reviews.submitAs(client.id(), ACTOR);
        } catch (SubmissionRefusedException e) {
            List<SubmissionRefusedException.FieldProblem> redirects = e.problems().stream()
                    .filter(problem -> problem.field().equals(ClientField.REDIRECT_URIS.id()))
                    .toList();
            List<SubmissionRefusedException.FieldProblem> shown = redirects.isEmpty() ? e.problems() : redirects;
            String description = "Production refuses this client: "
                    + String.join(
                            "; ",
                            shown.stream()
                                    .map(SubmissionRefusedException.FieldProblem::message)
                                    .toList());
            throw redirects.isEmpty()
                    ? RegistrationException.invalidMetadata(description)
                    : new RegistrationException(RegistrationException.INVALID_REDIRECT_URI, description);
        }
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
        return replace(Environment.SANDBOX, clientId, registrationAccessToken, body);
    }

    /**
     * Replaces the client's metadata (RFC 7592 §2.2) at the environment's configuration endpoint. At production the
     * replacement goes to review at once, as a new submission; a client that is waiting for review, or approved,
     * is refused, since its changes go through review in the portal, where a team sees what production serves.
     */
    @Transactional(noRollbackFor = InvalidTokenException.class)
    public Registration replace(Environment environment, String clientId, String registrationAccessToken, byte[] body) {
        Authorised authorised = authorise(clientId, registrationAccessToken);
        ClientDetails current = authorised.client();
        if (environment == Environment.PRODUCTION && current.status() == ClientStatus.IN_REVIEW) {
            throw new ApprovedClientException("This client is waiting for review, so it cannot be changed now; a "
                    + "member of its team can withdraw it from review in the portal first");
        }
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
        if (environment == Environment.PRODUCTION) {
            submitForReview(replaced);
            replaced = directory.byId(replaced.id()).orElseThrow();
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
                            + client.productionClientId() + "), so it cannot be " + what + " through the "
                            + "registration API; a member of its team can do it in the portal, where changes go through review");
        }
    }

    private record Authorised(StoredRegistrationAccessToken stored, ClientDetails client, RegistrationToken token) {}
}
