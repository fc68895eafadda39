package org.devportal.base;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An event that describes itself for the audit log: a client's history, and the administrators' portal-wide log. Each module's events implement it, so the audit log
 * records them with one listener and needs to know none of the modules that publish them: the publisher says what
 * happened, in words a team reads, and which fields changed from what to what.
 *
 * <p>Implementations never put a secret, token, code or other credential value into any of these answers; a
 * secret appears only as its display hint.
 */
public interface Audited {

    /**
     * The client the event is about; null for an event about a team as a whole (a membership, an invitation) or
     * about an account (the reviewer role). Only events with a client can be counted.
     */
    UUID clientId();

    /** The team the event belongs to, whose members may read a client's entries; null for an account's events. */
    UUID teamId();

    /** What happened, as the History tab shows it ("Secret rotated"). */
    String auditAction();

    /** Who acted: a user's subject, or a fixed name for the portal or a machine caller. */
    String actorSubject();

    /** A name for the actor, as the History tab shows it. */
    String actorName();

    /** When it happened. */
    Instant at();

    /** The changed fields, old value → new value; empty when the action says it all. */
    List<FieldChange> auditChanges();

    /**
     * Whether repeats of this event are counted rather than recorded one by one. Empty, the default, makes each
     * event an entry of its own. A window makes all events of one client, action and actor within the same window
     * (windows start at multiples of its length since the epoch) one entry, with how many there were, the first
     * and last time, and the last event's changes, each value cut to a short {@link Excerpt}.
     *
     * <p>Use it for what anyone can cause without signing in, such as refused requests and failed client
     * authentications: a flood of them then costs one row, and their text stays short.
     */
    default Optional<Duration> aggregationWindow() {
        return Optional.empty();
    }

    /**
     * The client secret that authenticated the request this event records, when a client authenticated with one.
     * The log keeps it on the row it writes anyway, so a secret's use is counted without a write of its own (see
     * {@link SecretUsage}).
     */
    default Optional<UUID> secretId() {
        return Optional.empty();
    }
}
