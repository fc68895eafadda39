package org.devportal.clients;

import java.util.List;

/**
 * The completeness checklist: the fields docs/client-rules.md requires before review, in the order of the client page.
 */
final class Checklist {

    private Checklist() {}

    static List<ChecklistItem> of(ClientDetails client) {
        return List.of(
                item(ClientField.CLIENT_URI, client.clientUri() != null, "The home page of your application"),
                item(ClientField.LOGO, client.logoHash() != null, "A square logo, at least 256×256 pixels"),
                item(ClientField.TOS_URI, client.tosUri() != null, "Where your terms are published"),
                item(ClientField.POLICY_URI, client.policyUri() != null, "How you handle users' data"),
                item(ClientField.CONTACTS, !client.contacts().isEmpty(), "Who we contact about this client"),
                item(
                        ClientField.INITIATION_URI,
                        client.initiationUri() != null,
                        "Where users start connecting your integration"),
                item(
                        ClientField.SETTINGS_URI,
                        client.settingsUri() != null,
                        "Where users manage the integration's settings"),
                item(ClientField.REDIRECT_URIS, !client.redirectUris().isEmpty(), "At least one callback"),
                item(ClientField.SCOPES, !client.scopes().isEmpty(), "The APIs your integration calls"));
    }

    private static ChecklistItem item(ClientField field, boolean done, String hint) {
        return new ChecklistItem(field.id(), field.label(), done, hint);
    }
}
