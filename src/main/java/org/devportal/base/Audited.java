package org.devportal.base;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event that describes itself for a client's history. Each module's events implement it, so the audit log
 * records them with one listener and needs to know none of the modules that publish them: the publisher says what
 * happened, in words a team reads, and which fields changed from what to what.
 *
 * <p>Implementations never put a secret, token, code or other credential value into any of these answers; a
 * secret appears only as its display hint.
 */
public interface Audited {

    /** The client the event is about. */
    UUID clientId();

    /** The client's team, whose members may read the entry. */
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
}
