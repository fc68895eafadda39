package org.devportal.clients;

import java.util.List;

/** The completeness checklist: the fields SPEC §2 requires before review, in the order of the client page. */
final class Checklist {

    private Checklist() {}

    static List<ChecklistItem> of(ClientDetails client) {
        return List.of(
                item("clientUri", "Client URI", client.clientUri() != null, "The home page of your application"),
                item("logo", "Logo", client.logoHash() != null, "A square logo, at least 256×256 pixels"),
                item("tosUri", "Terms of service URI", client.tosUri() != null, "Where your terms are published"),
                item("policyUri", "Privacy policy URI", client.policyUri() != null, "How you handle users' data"),
                item("contacts", "Contact e-mails", !client.contacts().isEmpty(), "Who we contact about this client"),
                item(
                        "initiationUri",
                        "Initiation URI",
                        client.initiationUri() != null,
                        "Where users start connecting your integration"),
                item(
                        "settingsUri",
                        "Settings URI",
                        client.settingsUri() != null,
                        "Where users manage the integration's settings"),
                item("redirectUris", "Redirect URIs", !client.redirectUris().isEmpty(), "At least one callback"),
                item("scopes", "Scopes", !client.scopes().isEmpty(), "The APIs your integration calls"));
    }

    private static ChecklistItem item(String field, String label, boolean done, String hint) {
        return new ChecklistItem(field, label, done, hint);
    }
}
