package org.devportal.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devportal.base.FieldChange;

/**
 * The fields in which two snapshots of the same client differ, in the order of {@link ClientField}, with their
 * values as the client's history shows them.
 *
 * @param fields the fields that differ
 * @param audit the same changes as the history records them: label, value before, value after
 */
record FieldChanges(List<ClientField> fields, List<FieldChange> audit) {

    FieldChanges {
        fields = List.copyOf(fields);
        audit = List.copyOf(audit);
    }

    static FieldChanges between(ClientSnapshot before, ClientSnapshot after) {
        List<ClientField> fields = new ArrayList<>();
        List<FieldChange> audit = new ArrayList<>();
        for (ClientField field : ClientField.values()) {
            String old = field.textIn(before);
            String now = field.textIn(after);
            if (!Objects.equals(old, now)) {
                fields.add(field);
                audit.add(new FieldChange(field.label(), old, now));
            }
        }
        return new FieldChanges(fields, audit);
    }

    /** The given fields of a new client as changes from nothing, for its history; fields that are not set are left out. */
    static List<FieldChange> setIn(ClientSnapshot client, List<ClientField> fields) {
        List<FieldChange> audit = new ArrayList<>();
        for (ClientField field : fields) {
            String value = field.textIn(client);
            if (value != null) {
                audit.add(new FieldChange(field.label(), null, value));
            }
        }
        return audit;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Whether going from {@code before} to {@code after} can change what a guided flow test proves, so that an earlier
     * test no longer proves the client: a redirect URI added or changed (a changed one is a new value), a scope added,
     * or another client type. Removing a redirect URI or a scope only narrows what the tested flow may use, and
     * reordering changes nothing the issuer checks, so neither makes a test stale.
     */
    static boolean affectFlow(ClientSnapshot before, ClientSnapshot after) {
        return after.redirectUris().stream()
                        .anyMatch(uri -> !before.redirectUris().contains(uri))
                || after.scopes().stream().anyMatch(scope -> !before.scopes().contains(scope))
                || before.clientType() != after.clientType();
    }
}
