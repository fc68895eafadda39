package org.devportal.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * The fields of a client, each with what every part of the portal needs to know about it: the id the form and
 * {@link org.devportal.base.InvalidInputException#field()} use, the label people read on the client page, in the
 * checklist, in the history and in the review, and how a change to it reaches production.
 *
 * <p>They are declared in the order the review's diff and the history list them.
 */
public enum ClientField {
    NAME("name", "Client name", Kind.REVIEWED, ClientSnapshot::name),
    LOGO("logo", "Logo", Kind.REVIEWED, ClientSnapshot::logoHash),
    CLIENT_URI("clientUri", "Client URI", Kind.REVIEWED, ClientSnapshot::clientUri),
    TOS_URI("tosUri", "Terms of service URI", Kind.REVIEWED, ClientSnapshot::tosUri),
    POLICY_URI("policyUri", "Privacy policy URI", Kind.REVIEWED, ClientSnapshot::policyUri),
    INITIATION_URI("initiationUri", "Initiation URI", Kind.REVIEWED, ClientSnapshot::initiationUri),
    SETTINGS_URI("settingsUri", "Settings URI", Kind.LIVE, ClientSnapshot::settingsUri),
    CONTACTS("contacts", "Contact e-mails", Kind.LIVE, client -> lines(client.contacts())),
    REDIRECT_URIS(
            "redirectUris",
            "Redirect URIs",
            Kind.TECHNICAL,
            client ->
                    lines(client.redirectUris().stream().map(RedirectUri::value).toList())),
    SCOPES("scopes", "Scopes", Kind.TECHNICAL, client -> String.join(" ", client.scopes())),
    CLIENT_TYPE(
            "clientType",
            "Client type",
            Kind.TECHNICAL,
            client -> client.clientType().label()),
    /**
     * A technical setting that waits for review either way: granting an exception loosens what production accepts,
     * and taking it away would cut off a client that sends no code challenge. It does not make a guided flow test
     * stale, because the test runs at the sandbox, which requires PKCE whatever the exception.
     */
    PKCE("pkce", "PKCE", Kind.REVIEWED, ClientField::pkce),
    SUBJECT_TYPE(
            "subjectType",
            "Subject type preference",
            Kind.REVIEWED,
            client -> client.subjectType().label());

    /** How a change to a field reaches production, and what else it affects. */
    private enum Kind {
        /** Production gets the change with the next approval. */
        REVIEWED,
        /**
         * Reviewed, and part of the authorization flow itself: adding to it or changing it means a guided flow test
         * from before no longer proves the client (removing a redirect URI or a scope does not).
         */
        TECHNICAL,
        /** Production gets the change at once, without a review, because end users never see the field at consent. */
        LIVE
    }

    private final String id;
    private final String label;
    private final Kind kind;
    private final Function<ClientSnapshot, String> text;

    ClientField(String id, String label, Kind kind, Function<ClientSnapshot, String> text) {
        this.id = id;
        this.label = label;
        this.kind = kind;
        this.text = text;
    }

    /** The field's name in the form and in {@link org.devportal.base.InvalidInputException#field()}. */
    public String id() {
        return id;
    }

    /** What people read for the field: the form's label, the checklist's line, the history's and the review's. */
    public String label() {
        return label;
    }

    /** Whether a change to an approved client's field waits for the next approval before production serves it. */
    public boolean reviewed() {
        return kind != Kind.LIVE;
    }

    /** Whether a change to the field reaches production at once, without a review. */
    public boolean live() {
        return kind == Kind.LIVE;
    }

    /**
     * Whether the field is part of the authorization flow, so that adding to it or changing it means the flow needs
     * testing again; removing a redirect URI or a scope does not.
     */
    public boolean technical() {
        return kind == Kind.TECHNICAL;
    }

    /**
     * The field's value in the client as the history and the review show it: lists one entry per line, scopes
     * separated by spaces, choices by their label; null when the field is not set.
     */
    public String textIn(ClientSnapshot client) {
        return text.apply(client);
    }

    /** The field with this id, if there is one. */
    public static Optional<ClientField> byId(String id) {
        return Arrays.stream(values()).filter(field -> field.id.equals(id)).findFirst();
    }

    /** The field with this label, as the review pins comments to it, if there is one. */
    public static Optional<ClientField> byLabel(String label) {
        return Arrays.stream(values())
                .filter(field -> field.label.equals(label))
                .findFirst();
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static String pkce(ClientSnapshot client) {
        if (client.pkceRequired()) {
            return "S256 required";
        }
        return "Exception" + (client.clientType() == ClientType.PUBLIC ? " (public client)" : "")
                + (client.pkceExceptionReason() == null ? "" : ": " + client.pkceExceptionReason());
    }
}
