package org.devportal.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A message of a review thread.
 *
 * @param field the label of the client field the message is pinned to, or null
 * @param resolution how a pinned message was resolved ("The team changed Client name in revision 2"), or null while
 *        it is open and for a message that is not pinned
 */
public record ThreadMessage(
        UUID id, String author, boolean fromReviewer, String field, String text, Instant createdAt, String resolution) {

    /** Whether the message is pinned to a field. */
    public boolean pinned() {
        return field != null;
    }

    /** Whether the message is pinned to a field and not resolved yet. */
    public boolean open() {
        return pinned() && resolution == null;
    }
}
