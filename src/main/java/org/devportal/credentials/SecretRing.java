package org.devportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devportal.base.InvalidInputException;

/**
 * The secrets of one client in one environment, and the rules for rotating them:
 * <ul>
 *   <li>A rotation makes a new secret current at once. The previous current secret stays valid for the chosen
 *       {@link GracePeriod}, or is revoked at once with {@link GracePeriod#NOW}, which also revokes any secret
 *       still in its grace period.</li>
 *   <li>A client has at most {@value #MAX_ACTIVE_SECRETS} active secrets, so a rotation with a grace period is
 *       refused while a previous secret is still in its grace period.</li>
 *   <li>Any active secret can be revoked early.</li>
 * </ul>
 * Expired and revoked secrets stay in the ring as history. Not thread-safe: load it, change it and store it
 * within one transaction.
 */
public final class SecretRing {

    public static final int MAX_ACTIVE_SECRETS = 2;

    /** Last use is recorded to the minute, so that a busy client does not cause a write on every token request. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final SecretEnvironment environment;
    private final List<SecretRecord> secrets;

    private SecretRing(SecretEnvironment environment, List<SecretRecord> secrets) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.secrets = secrets;
    }

    /** A client without secrets yet; its first {@link #rotate rotation} issues the first one. */
    public static SecretRing empty(SecretEnvironment environment) {
        return new SecretRing(environment, new ArrayList<>());
    }

    /** The ring of stored secrets, oldest first. */
    public static SecretRing of(SecretEnvironment environment, Collection<SecretRecord> secrets) {
        List<SecretRecord> sorted = new ArrayList<>(secrets);
        sorted.sort(Comparator.comparing(SecretRecord::createdAt));
        Set<SecretId> ids = new HashSet<>();
        int current = 0;
        for (SecretRecord secret : sorted) {
            if (!ids.add(secret.id())) {
                throw new IllegalArgumentException("Secret " + secret.id() + " appears twice");
            }
            if (secret.revokedAt() == null && secret.expiresAt() == null) {
                current++;
            }
        }
        if (current > 1) {
            throw new IllegalArgumentException("A client has at most one current secret, found " + current);
        }
        return new SecretRing(environment, sorted);
    }

    public SecretEnvironment environment() {
        return environment;
    }

    /** All secrets, active or not, oldest first. */
    public List<SecretRecord> secrets() {
        return List.copyOf(secrets);
    }

    public List<SecretRecord> activeSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.isActive(now)).toList();
    }

    public Optional<SecretRecord> find(SecretId id) {
        return secrets.stream().filter(secret -> secret.id().equals(id)).findFirst();
    }

    /**
     * Issues a new current secret. The previous current secret expires after {@code grace}, or is revoked at once
     * if {@code grace} is {@link GracePeriod#NOW}, together with any secret still in its grace period.
     *
     * @param actor who rotates (the user's subject)
     * @return the new secret's plaintext, to be shown once and then dropped; its record is the newest in the ring
     * @throws RotationRefusedException if {@code grace} is not {@code NOW} and a previous secret is still in its
     *         grace period
     */
    public ClientSecret rotate(GracePeriod grace, String actor, SecretHasher hasher, Clock clock) {
        Objects.requireNonNull(grace, "grace");
        requireActor(actor);
        Objects.requireNonNull(hasher, "hasher");
        Instant now = clock.instant();
        if (!grace.isImmediate()) {
            for (SecretRecord secret : secrets) {
                if (secret.status(now) == SecretStatus.GRACE) {
                    throw new RotationRefusedException(secret.expiresAt());
                }
            }
        }
        ClientSecret issued = ClientSecret.generate(environment);
        SecretRecord record =
                SecretRecord.issued(SecretId.random(), hasher.hash(issued), issued.displayHint(), now, actor);
        for (int i = 0; i < secrets.size(); i++) {
            SecretRecord secret = secrets.get(i);
            if (secret.isActive(now) && grace.isImmediate()) {
                secrets.set(i, secret.revoked(now, actor));
            } else if (secret.status(now) == SecretStatus.ACTIVE) {
                secrets.set(i, secret.expiringAt(now.plus(grace.duration())));
            }
        }
        secrets.add(record);
        if (activeSecrets(now).size() > MAX_ACTIVE_SECRETS) {
            throw new IllegalStateException("A rotation left more than " + MAX_ACTIVE_SECRETS + " active secrets");
        }
        return issued;
    }

    /**
     * Revokes an active secret at once, for instance a previous one whose grace period is no longer needed, or one
     * that leaked.
     *
     * @param actor who revokes (the user's subject)
     * @return the revoked secret
     */
    public SecretRecord revoke(SecretId id, String actor, Clock clock) {
        Objects.requireNonNull(id, "id");
        requireActor(actor);
        Instant now = clock.instant();
        int index = indexOf(id);
        SecretRecord secret = secrets.get(index);
        switch (secret.status(now)) {
            case REVOKED -> throw new InvalidInputException("secret", "This secret is already revoked");
            case EXPIRED -> throw new InvalidInputException("secret", "This secret has already expired");
            case ACTIVE, GRACE -> {
                // Revocable.
            }
        }
        SecretRecord revoked = secret.revoked(now, actor);
        secrets.set(index, revoked);
        return revoked;
    }

    /**
     * The active secret that {@code presented} is, if any. A string that is not a well-formed secret of this ring's
     * environment is refused without being hashed; otherwise it is hashed once and compared in constant time with
     * every active secret, so any of them is accepted.
     */
    public Optional<SecretRecord> verify(String presented, SecretHasher hasher, Instant now) {
        Optional<ClientSecret> parsed = ClientSecret.parse(presented);
        if (parsed.isEmpty() || parsed.get().environment() != environment) {
            return Optional.empty();
        }
        List<SecretRecord> active = activeSecrets(now);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        SecretHash hash = hasher.hash(parsed.get());
        SecretRecord match = null;
        // No early exit: every active hash is compared, whichever matches.
        for (SecretRecord secret : active) {
            if (secret.hash().equals(hash) && match == null) {
                match = secret;
            }
        }
        return Optional.ofNullable(match);
    }

    /**
     * Records that a client authenticated with the secret {@code id} at {@code now}.
     *
     * @return whether the last use changed and needs to be stored; at most once per {@link #LAST_USED_RESOLUTION}
     */
    public boolean markUsed(SecretId id, Instant now) {
        Objects.requireNonNull(now, "now");
        int index = indexOf(id);
        SecretRecord secret = secrets.get(index);
        Instant lastUsed = secret.lastUsedAt();
        if (lastUsed != null && now.isBefore(lastUsed.plus(LAST_USED_RESOLUTION))) {
            return false;
        }
        secrets.set(index, secret.usedAt(now));
        return true;
    }

    @Override
    public String toString() {
        return "SecretRing[" + environment + ", " + secrets.size() + " secrets]";
    }

    private int indexOf(SecretId id) {
        for (int i = 0; i < secrets.size(); i++) {
            if (secrets.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Secret " + id + " does not belong to this client");
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("Say who changes the secrets");
        }
    }
}
