package org.devportal.review;

import java.util.List;
import org.devportal.clients.ClientField;

/**
 * One field of a revision next to an earlier one: the last approved revision or the previous submission.
 *
 * @param clientField the field
 * @param before the earlier value, or null when there is none
 * @param after the submitted value, or null when removed
 * @param changed whether the two differ
 * @param risks why the change matters, empty when it does not
 * @param added for a list (redirect URIs, scopes, contact e-mails): the entries that are new, in their order
 * @param removed for a list: the entries that are gone, in their earlier order
 */
public record FieldDiff(
        ClientField clientField,
        String before,
        String after,
        boolean changed,
        List<Risk> risks,
        List<String> added,
        List<String> removed) {

    public FieldDiff {
        risks = List.copyOf(risks);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** A field that is a single value, not a list. */
    public FieldDiff(ClientField clientField, String before, String after, boolean changed, List<Risk> risks) {
        this(clientField, before, after, changed, risks, List.of(), List.of());
    }

    /** The field's label, as the review page shows it and as a reviewer pins a comment to it. */
    public String field() {
        return clientField.label();
    }

    /** Whether the field is a list whose change the page shows as added and removed entries. */
    public boolean listed() {
        return !added.isEmpty() || !removed.isEmpty();
    }
}
