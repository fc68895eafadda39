package org.devportal.audit;

import java.time.Instant;
import java.util.List;
import org.devportal.base.FieldChange;

/**
 * One line of a client's history: who did what, when, and which fields changed from what to what.
 *
 * <p>A counted entry stands for {@code occurrences} events of one kind (refused requests, say) from
 * {@code firstAt} to {@code at}, and shows the last one's changes; a single event has no {@code firstAt}.
 * {@code secret} names the client secret that authenticated the requests of the entry ({@code dpsbx_…a1b2 (CI)}),
 * or is null: requests with different secrets are counted apart, so during a rotation each secret has its own row.
 */
public record HistoryEntry(
        String action,
        String actor,
        Instant at,
        List<FieldChange> changes,
        int occurrences,
        Instant firstAt,
        String secret) {

    /** A single event. */
    public HistoryEntry(String action, String actor, Instant at, List<FieldChange> changes) {
        this(action, actor, at, changes, 1, null, null);
    }

    /** An entry that names no secret. */
    public HistoryEntry(
            String action, String actor, Instant at, List<FieldChange> changes, int occurrences, Instant firstAt) {
        this(action, actor, at, changes, occurrences, firstAt, null);
    }

    /** Whether the entry counts repeated events rather than recording one. */
    public boolean counted() {
        return firstAt != null;
    }

    /** The same entry, naming the secret its requests were authenticated with. */
    HistoryEntry withSecret(String name) {
        return new HistoryEntry(action, actor, at, changes, occurrences, firstAt, name);
    }
}
