package org.devportal.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;

/**
 * What applying a configuration document would change in a client, field by field and named as the document
 * names them: a value's old and new text, and for lists the entries added and removed. It is worked out before
 * anything changes, so that the person applying the document sees it and confirms.
 *
 * @param changes one entry per field that differs, in the order the client page lists the fields
 */
public record ConfigurationDiff(List<FieldDiff> changes) {

    /** Shown for a value that is not set. */
    public static final String NOT_SET = "(not set)";

    public ConfigurationDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One changed field.
     *
     * @param field the field's name in the document, such as {@code redirect_uris}
     * @param label the field's label on the client page
     * @param before the old value as text, or {@link #NOT_SET}; for a list its entries one per line
     * @param after the new value in the same form
     * @param added the entries of a list that the document adds; empty for a single value
     * @param removed the entries of a list that the document removes; empty for a single value
     */
    public record FieldDiff(
            String field, String label, String before, String after, List<String> added, List<String> removed) {

        public FieldDiff {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes from the client's current fields to the document's. */
    public static ConfigurationDiff between(ClientDetails current, ClientUpdate wanted) {
        return between(ClientUpdate.of(current), wanted);
    }

    /** Every field a document sets for a client that does not exist yet. */
    public static ConfigurationDiff ofNewClient(ClientUpdate wanted) {
        return between(
                new ClientUpdate(
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        java.util.Set.of(),
                        null,
                        null,
                        false,
                        null),
                wanted);
    }

    private static ConfigurationDiff between(ClientUpdate old, ClientUpdate wanted) {
        List<FieldDiff> changes = new ArrayList<>();
        value(changes, ClientField.NAME, old.name(), wanted.name());
        value(changes, ClientField.CLIENT_URI, old.clientUri(), wanted.clientUri());
        value(changes, ClientField.TOS_URI, old.tosUri(), wanted.tosUri());
        value(changes, ClientField.POLICY_URI, old.policyUri(), wanted.policyUri());
        list(changes, ClientField.CONTACTS, old.contacts(), wanted.contacts());
        value(changes, ClientField.INITIATION_URI, old.initiationUri(), wanted.initiationUri());
        value(changes, ClientField.SETTINGS_URI, old.settingsUri(), wanted.settingsUri());
        list(changes, ClientField.REDIRECT_URIS, old.redirectUris(), wanted.redirectUris());
        list(changes, ClientField.SCOPES, sorted(old.scopes()), sorted(wanted.scopes()));
        value(changes, ClientField.CLIENT_TYPE, authMethod(old.clientType()), authMethod(wanted.clientType()));
        value(changes, ClientField.SUBJECT_TYPE, subjectType(old.subjectType()), subjectType(wanted.subjectType()));
        value(changes, ClientField.PKCE, String.valueOf(!old.pkceException()), String.valueOf(!wanted.pkceException()));
        FieldDiff reason = diff(
                ClientMetadata.fieldNameOf("pkceExceptionReason"),
                "Reason for the PKCE exception",
                old.pkceException() ? old.pkceExceptionReason() : null,
                wanted.pkceException() ? wanted.pkceExceptionReason() : null);
        if (reason != null) {
            changes.add(reason);
        }
        return new ConfigurationDiff(changes);
    }

    private static void value(List<FieldDiff> changes, ClientField field, String before, String after) {
        FieldDiff diff = diff(ClientMetadata.fieldNameOf(field.id()), field.label(), before, after);
        if (diff != null) {
            changes.add(diff);
        }
    }

    private static FieldDiff diff(String name, String label, String before, String after) {
        String old = text(before);
        String now = text(after);
        return old.equals(now) ? null : new FieldDiff(name, label, old, now, List.of(), List.of());
    }

    /**
     * A list field: what is added and removed. A list whose entries only moved differs too, since the order of
     * redirect URIs and contacts is kept; it then has no additions or removals, only a new order.
     */
    private static void list(List<FieldDiff> changes, ClientField field, List<String> before, List<String> after) {
        List<String> old = before == null ? List.of() : before;
        List<String> now = after == null ? List.of() : after;
        if (old.equals(now)) {
            return;
        }
        changes.add(new FieldDiff(
                ClientMetadata.fieldNameOf(field.id()),
                field.label(),
                old.isEmpty() ? NOT_SET : String.join("\n", old),
                now.isEmpty() ? NOT_SET : String.join("\n", now),
                now.stream().filter(entry -> !old.contains(entry)).toList(),
                old.stream().filter(entry -> !now.contains(entry)).toList()));
    }

    private static List<String> sorted(java.util.Collection<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NOT_SET : value.strip();
    }

    private static String authMethod(ClientType type) {
        if (type == null) {
            return null;
        }
        return type == ClientType.CONFIDENTIAL ? ClientMetadata.CLIENT_SECRET_BASIC : ClientMetadata.NONE;
    }

    private static String subjectType(SubjectTypePreference preference) {
        return Objects.requireNonNullElse(preference, SubjectTypePreference.NONE)
                .name();
    }
}
