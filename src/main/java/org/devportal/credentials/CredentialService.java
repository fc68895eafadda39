package org.devportal.credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.SecretUsage;
import org.devportal.clients.Actor;
import org.devportal.clients.ClientChanged;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of client secrets. Access goes through the client: whoever may see the client (a member of its
 * team, owner or developer) may rotate and revoke its secrets. Secret values exist only in the return value of
 * the call that creates them, and in the reveal that follows a registration.
 */
@Service
public class CredentialService {

    private final StoredSecretRepository secrets;
    private final ActiveSecrets activeSecrets;
    private final CredentialRingRepository rings;
    private final SecretHasher hasher;
    private final ClientService clients;
    private final ClientDirectory directory;
    private final CurrentUser currentUser;
    private final PendingReveals reveals;
    private final StepUp stepUp;
    private final ApplicationEventPublisher events;
    private final SecretUsage usage;
    private final CredentialsProperties properties;
    private final Clock clock;

    CredentialService(
            StoredSecretRepository secrets,
            ActiveSecrets activeSecrets,
            CredentialRingRepository rings,
            SecretHasher hasher,
            ClientService clients,
            ClientDirectory directory,
            CurrentUser currentUser,
            PendingReveals reveals,
            StepUp stepUp,
            ApplicationEventPublisher events,
            SecretUsage usage,
            CredentialsProperties properties,
            Clock clock) {
        this.secrets = secrets;
        this.activeSecrets = activeSecrets;
        this.rings = rings;
        this.hasher = hasher;
        this.clients = clients;
        this.directory = directory;
        this.currentUser = currentUser;
        this.reveals = reveals;
        this.stepUp = stepUp;
        this.events = events;
        this.usage = usage;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A confidential client gets its first sandbox secret when it is registered, to be revealed once to whoever
     * registered it: a person on the client page, or a machine caller in its response. The event's actor is the
     * registrant either way, so this works without a signed-in user.
     */
    @EventListener
    void onClientRegistered(ClientChanged event) {
        if (event.action() != ClientChanged.Action.REGISTERED) {
            return;
        }
        ClientDetails client = directory.byId(event.clientId()).orElseThrow();
        if (client.clientType() != ClientType.CONFIDENTIAL) {
            return;
        }
        ClientSecret secret = rotateLocked(
                client, SecretEnvironment.SANDBOX, GracePeriod.NOW, null, event.actorSubject(), event.actorName());
        reveals.put(client.id(), event.actorSubject(), secret);
    }

    /** The secret generated when the current user registered this client, once; empty afterwards. */
    public Optional<ClientSecret> takeRevealAfterRegistration(UUID clientId) {
        PortalUser user = currentUser.require();
        return reveals.take(clientId, user.subject());
    }

    /**
     * The first secret of a client that a machine caller (the registration API) has just registered as
     * {@code actor}, for the caller's response. Taking it removes it, so the client page never reveals it again;
     * no person could take it anyway, since the reveal belongs to the actor's subject. Machine callers only.
     */
    public Optional<ClientSecret> takeSecretIssuedAtRegistration(UUID clientId, Actor actor) {
        return reveals.take(clientId, actor.subject());
    }

    /**
     * The client's secrets in an environment, oldest first, each with its label, its last use and how often it was
     * used in the last hour, day and week.
     */
    @Transactional(readOnly = true)
    public List<SecretView> secrets(UUID clientId, SecretEnvironment environment) {
        clients.get(clientId);
        return views(clientId, environment, clock.instant());
    }

    /**
     * Whether an older secret of the client can go: the newest one is in use and the older one has been quiet for
     * {@code portal.credentials.revoke-suggestion-after}.
     */
    @Transactional(readOnly = true)
    public Optional<RevokeSuggestion> revokeSuggestion(UUID clientId, SecretEnvironment environment) {
        clients.get(clientId);
        Instant now = clock.instant();
        return RevokeSuggestion.of(views(clientId, environment, now), now, properties.revokeSuggestionAfter());
    }

    private List<SecretView> views(UUID clientId, SecretEnvironment environment, Instant now) {
        List<StoredSecret> stored = secrets.findByClientIdAndEnvironmentOrderByCreatedAt(clientId, environment);
        Map<UUID, SecretUsage.Counts> counts =
                usage.of(stored.stream().map(StoredSecret::id).toList(), now);
        return stored.stream()
                .map(secret -> SecretView.of(
                        secret.record(),
                        secret.label(),
                        counts.getOrDefault(secret.id(), SecretUsage.Counts.NONE),
                        now))
                .toList();
    }

    /**
     * Issues a new secret, active at once, and gives the previous one the chosen grace period. The new secret is
     * returned to be shown exactly once.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClientSecret rotate(UUID clientId, SecretEnvironment environment, GracePeriod grace) {
        return rotate(clientId, environment, grace, null);
    }

    /**
     * Issues a new secret with a label (blank for none), active at once, and gives the previous one the chosen
     * grace period. The new secret is returned to be shown exactly once.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClientSecret rotate(UUID clientId, SecretEnvironment environment, GracePeriod grace, String label) {
        Optional<SecretLabel> parsed = SecretLabel.parse(label);
        ClientDetails client = clients.get(clientId);
        requireConfidential(client);
        if (environment == SecretEnvironment.PRODUCTION && !client.approvedForProduction()) {
            throw new InvalidInputException(
                    "environment", "Production secrets exist once a reviewer has approved the client");
        }
        PortalUser user = currentUser.require();
        if (environment == SecretEnvironment.PRODUCTION) {
            // The first production secret is revealed as it is issued; later ones replace a secret in use.
            stepUp.require(
                    secrets.findByClientIdAndEnvironmentOrderByCreatedAt(clientId, environment)
                                    .isEmpty()
                            ? StepUpAction.REVEAL_PRODUCTION_SECRET
                            : StepUpAction.ROTATE_PRODUCTION_SECRET);
        }
        return rotateLocked(client, environment, grace, parsed.orElse(null), user.subject(), user.displayName());
    }

    /** Names a secret, or removes its name with a blank label. Audited with the old and the new label. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void relabel(UUID clientId, SecretEnvironment environment, UUID secretId, String label) {
        Optional<SecretLabel> parsed = SecretLabel.parse(label);
        ClientDetails client = clients.get(clientId);
        PortalUser user = currentUser.require();
        lockRing(clientId, environment);
        StoredSecret secret = secrets.findById(secretId)
                .filter(found -> found.clientId().equals(clientId) && found.environment() == environment)
                .orElseThrow(() -> new InvalidInputException("secret", "This secret does not belong to the client"));
        String previous = secret.label();
        String next = parsed.map(SecretLabel::value).orElse(null);
        if (java.util.Objects.equals(previous, next)) {
            return;
        }
        secret.label(parsed.orElse(null));
        events.publishEvent(new CredentialChanged(
                clientId,
                client.teamId(),
                environment,
                CredentialChanged.Action.RELABELED,
                secret.displayHint(),
                null,
                null,
                user.subject(),
                user.displayName(),
                clock.instant(),
                previous,
                next));
    }

    /** Revokes a secret that no request used in the last hour; see the confirmed variant. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void revoke(UUID clientId, SecretEnvironment environment, UUID secretId, String typedClientName) {
        revoke(clientId, environment, secretId, typedClientName, false);
    }

    /**
     * Revokes a secret before it expires. Revoking the last active secret of an approved client in production
     * needs the client's name typed as confirmation, because its integration stops working at once. Revoking a
     * secret that a request used in the last hour needs {@code recentUseConfirmed}: without it the call is refused
     * with a {@link RecentlyUsedSecretException} that names the use, for the user to confirm.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void revoke(
            UUID clientId,
            SecretEnvironment environment,
            UUID secretId,
            String typedClientName,
            boolean recentUseConfirmed) {
        ClientDetails client = clients.get(clientId);
        PortalUser user = currentUser.require();
        lockRing(clientId, environment);
        Loaded loaded = load(clientId, environment);
        SecretRing ring = loaded.ring();
        Instant now = clock.instant();
        if (!recentUseConfirmed) {
            Optional<SecretView> recent = views(clientId, environment, now).stream()
                    .filter(view -> view.id().equals(secretId) && view.status().isActive())
                    .filter(view -> view.usedRecently(now))
                    .findFirst();
            if (recent.isPresent()) {
                throw new RecentlyUsedSecretException(recent.get());
            }
        }
        boolean lastActive = ring.activeSecrets(now).size() == 1
                && ring.activeSecrets(now).getFirst().id().value().equals(secretId);
        if (environment == SecretEnvironment.PRODUCTION
                && client.approvedForProduction()
                && lastActive
                && !client.name().equals(typedClientName)) {
            throw new InvalidInputException(
                    "confirmation",
                    "This is the last production secret: the integration stops "
                            + "working in production at once. Type the client's name exactly to revoke it.");
        }
        SecretRecord revoked;
        try {
            revoked = ring.revoke(new SecretId(secretId), user.displayName(), clock);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("secret", "This secret does not belong to the client");
        }
        save(clientId, environment, loaded);
        events.publishEvent(new CredentialChanged(
                clientId,
                client.teamId(),
                environment,
                CredentialChanged.Action.REVOKED,
                revoked.displayHint(),
                null,
                lastActive ? "It was the last active secret" : null,
                user.subject(),
                user.displayName(),
                now,
                null,
                loaded.stored().stream()
                        .filter(stored -> stored.id().equals(secretId))
                        .findFirst()
                        .map(StoredSecret::label)
                        .orElse(null)));
    }

    /**
     * Checks a secret presented by a client at the token endpoint. Any active secret of the environment works;
     * its last-used time is written at most once a minute. Returns the client when the secret is right.
     */
    @Transactional
    public Optional<ClientDetails> verify(UUID oauthClientId, String presentedSecret) {
        if (oauthClientId == null || ClientSecret.parse(presentedSecret).isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientDetails> client = directory.bySandboxClientId(oauthClientId);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        return check(client.get().id(), SecretEnvironment.SANDBOX, presentedSecret)
                        .isPresent()
                ? client
                : Optional.empty();
    }

    /**
     * Checks a secret presented at an issuer's token endpoint for the client with this internal id. Any active
     * secret of the environment works, and a secret of the other environment never does (their prefixes differ).
     * The last-used time is written at most once a minute.
     */
    @Transactional
    public boolean verify(UUID clientId, SecretEnvironment environment, String presentedSecret) {
        return authenticate(clientId, environment, presentedSecret).isPresent();
    }

    /**
     * Like {@link #verify(UUID, SecretEnvironment, String)}, and says which secret matched, so that the request's
     * audit entry can name it: that is how each secret's use is counted, without a write of its own.
     */
    @Transactional
    public Optional<UUID> authenticate(UUID clientId, SecretEnvironment environment, String presentedSecret) {
        Optional<ClientSecret> parsed = ClientSecret.parse(presentedSecret);
        if (clientId == null || parsed.isEmpty() || parsed.get().environment() != environment) {
            return Optional.empty();
        }
        return check(clientId, environment, presentedSecret);
    }

    /** Compares a well-formed secret with the client's active ones, and records its use. */
    private Optional<UUID> check(UUID clientId, SecretEnvironment environment, String presentedSecret) {
        Instant now = clock.instant();
        SecretRing ring = SecretRing.of(environment, activeSecrets.of(clientId, environment, now));
        Optional<SecretRecord> match = ring.verify(presentedSecret, hasher, now);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        if (ring.markUsed(match.get().id(), now)) {
            secrets.markUsed(match.get().id().value(), now);
        }
        return Optional.of(match.get().id().value());
    }

    private ClientSecret rotateLocked(
            ClientDetails client,
            SecretEnvironment environment,
            GracePeriod grace,
            SecretLabel label,
            String actorSubject,
            String actorName) {
        lockRing(client.id(), environment);
        Loaded loaded = load(client.id(), environment);
        SecretRing ring = loaded.ring();
        Optional<SecretRecord> previous =
                ring.activeSecrets(clock.instant()).stream().reduce((first, second) -> second);
        ClientSecret secret = ring.rotate(grace, actorName, hasher, clock);
        save(client.id(), environment, loaded, label);
        boolean first = previous.isEmpty();
        events.publishEvent(new CredentialChanged(
                client.id(),
                client.teamId(),
                environment,
                first ? CredentialChanged.Action.ISSUED : CredentialChanged.Action.ROTATED,
                secret.displayHint(),
                previous.map(SecretRecord::displayHint).orElse(null),
                first
                        ? null
                        : "Previous secret: " + (grace.isImmediate() ? "revoked now" : "valid for " + grace.label()),
                actorSubject,
                actorName,
                clock.instant(),
                null,
                label == null ? null : label.value()));
        return secret;
    }

    /**
     * Serialises changes to one client's secrets. Callers run at READ COMMITTED: under MariaDB's default
     * REPEATABLE READ, reads after the lock would still see the snapshot taken before it, and a second rotation
     * would not see the first one's secret.
     */
    private void lockRing(UUID clientId, SecretEnvironment environment) {
        UUID id = CredentialRing.idOf(clientId, environment);
        if (rings.lock(id).isEmpty()) {
            // First secret of this client and environment. Inserting only when missing keeps the common path
            // free of the shared lock an INSERT IGNORE takes on an existing row, which would deadlock two rotations.
            rings.createIfMissing(id, clientId, environment.name());
            rings.lock(id).orElseThrow();
        }
    }

    /** The client's stored secrets in an environment, and the ring of rules over them. */
    private Loaded load(UUID clientId, SecretEnvironment environment) {
        List<StoredSecret> stored = secrets.findByClientIdAndEnvironmentOrderByCreatedAt(clientId, environment);
        return new Loaded(
                stored,
                SecretRing.of(
                        environment, stored.stream().map(StoredSecret::record).toList()));
    }

    private void save(UUID clientId, SecretEnvironment environment, Loaded loaded) {
        save(clientId, environment, loaded, null);
    }

    /** Writes the ring's records back: new secrets are inserted (with {@code label}), changed ones updated. */
    private void save(UUID clientId, SecretEnvironment environment, Loaded loaded, SecretLabel label) {
        var byId = new java.util.HashMap<UUID, StoredSecret>();
        loaded.stored().forEach(secret -> byId.put(secret.id(), secret));
        List<StoredSecret> added = new ArrayList<>();
        for (SecretRecord record : loaded.ring().secrets()) {
            StoredSecret existing = byId.get(record.id().value());
            if (existing == null) {
                StoredSecret secret = new StoredSecret(clientId, environment, record);
                secret.label(label);
                added.add(secret);
            } else {
                existing.apply(record);
            }
        }
        secrets.saveAll(added);
    }

    private record Loaded(List<StoredSecret> stored, SecretRing ring) {}

    private static void requireConfidential(ClientDetails client) {
        if (client.clientType() != ClientType.CONFIDENTIAL) {
            throw new InvalidInputException(
                    "clientType",
                    "Public clients have no secret: they prove themselves with PKCE. Change the client type to use secrets.");
        }
    }
}
