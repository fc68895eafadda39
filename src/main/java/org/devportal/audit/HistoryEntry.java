package org.devportal.audit;

import java.time.Instant;
import java.util.List;
import org.devportal.base.FieldChange;

/**
 * One line of a client's history: who did what, when, and which fields changed from what to what.
 *
 * <p>A counted entry stands for {@code occurrences} events of one kind (refused requests, say) from
 * {@code firstAt} to {@code at}, and shows the last one's changes; a single event has no {@code firstAt}.
 */
public record HistoryEntry(
        String action, String actor, Instant at, List<FieldChange> changes, int occurrences, Instant firstAt) {

    /** A single event. */
    public HistoryEntry(String action, String actor, Instant at, List<FieldChange> changes) {
        this(action, actor, at, changes, 1, null);
    }

    /** Whether the entry counts repeated events rather than recording one. */
    public boolean counted() {
        return firstAt != null;
    }
}
