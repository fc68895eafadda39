package org.devportal.review;

import java.util.List;
import org.devportal.clients.ClientField;

/**
 * One field of a revision next to the last approved value.
 *
 * @param clientField the field
 * @param before the approved value, or null when there is none
 * @param after the submitted value, or null when removed
 * @param changed whether the two differ
 * @param risks why the change matters, empty when it does not
 */
public record FieldDiff(ClientField clientField, String before, String after, boolean changed, List<Risk> risks) {

    /** The field's label, as the review page shows it and as a reviewer pins a comment to it. */
    public String field() {
        return clientField.label();
    }
}
