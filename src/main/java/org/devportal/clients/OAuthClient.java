package org.devportal.clients;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.devportal.base.AbstractEntity;
import org.devportal.base.FieldChange;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.RedirectUriAttributeConverter;
import org.devportal.clients.redirecturi.WebUri;

/**
 * The client aggregate. Its methods are the intents a team has (register, revise, delete); each refuses what the
 * lifecycle does not allow and reports the fields it changed, for the audit log.
 */
@Entity
@Table(name = "oauth_client")
class OAuthClient extends AbstractEntity {

    @Column(name = "team_id", nullable = false)
    private UUID teamId;

    @Column(name = "sandbox_client_id", nullable = false, unique = true)
    private UUID sandboxClientId;

    @Column(nullable = false)
    private String name;

    @Column(name = "client_uri")
    private String clientUri;

    @Column(name = "logo_hash")
    private String logoHash;

    @Column(name = "tos_uri")
    private String tosUri;

    @Column(name = "policy_uri")
    private String policyUri;

    @Column(name = "initiation_uri")
    private String initiationUri;

    @Column(name = "settings_uri")
    private String settingsUri;

    @ElementCollection
    @CollectionTable(name = "oauth_client_redirect_uri", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "position")
    @Column(name = "uri", nullable = false)
    @jakarta.persistence.Convert(converter = RedirectUriAttributeConverter.class)
    private List<RedirectUri> redirectUris = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_contact", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "position")
    @Column(name = "email", nullable = false)
    private List<String> contacts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_scope", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "scope_name", nullable = false)
    private Set<String> scopes = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type", nullable = false)
    private ClientType clientType;

    @Column(name = "pkce_required", nullable = false)
    private boolean pkceRequired = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    private SubjectTypePreference subjectType = SubjectTypePreference.NONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientStatus status = ClientStatus.DRAFT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    /** When redirect URIs, scopes or the client type last changed: a flow test older than this is stale. */
    @Column(name = "technical_changed_at", nullable = false)
    private Instant technicalChangedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Given at the first approval; production knows the client by it from then on. */
    @Column(name = "production_client_id", unique = true)
    private UUID productionClientId;

    /** The last approved revision: what production serves, whatever the team edits meanwhile. */
    @jakarta.persistence.Convert(converter = SnapshotConverter.class)
    @Column(name = "approved_snapshot", columnDefinition = "text")
    private ClientSnapshot approvedSnapshot;

    @Column(name = "approved_at")
    private Instant approvedAt;

    /** Where a withdrawn submission returns to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_review")
    private ClientStatus statusBeforeReview;

    @Column(name = "deleted_by")
    private String deletedBy;

    protected OAuthClient() {}

    static OAuthClient register(
            UUID teamId,
            ClientType type,
            ClientName name,
            RedirectUri firstRedirectUri,
            List<String> contacts,
            String actor,
            Instant now) {
        OAuthClient client = new OAuthClient();
        client.teamId = teamId;
        client.sandboxClientId = UUID.randomUUID();
        client.clientType = type;
        client.name = name.value();
        client.redirectUris.add(firstRedirectUri);
        client.contacts.addAll(contacts);
        client.createdAt = now;
        client.createdBy = actor;
        client.updatedAt = now;
        client.updatedBy = actor;
        client.technicalChangedAt = now;
        return client;
    }

    /** Applies a revision of the editable fields and returns what changed, field by field. */
    List<FieldChange> revise(ClientRevision revision, String actor, Instant now) {
        requireEditable();
        List<FieldChange> changes = new ArrayList<>();
        name = track(changes, "Client name", name, revision.name().value());
        clientUri = track(changes, "Client URI", clientUri, text(revision.clientUri()));
        tosUri = track(changes, "Terms of service URI", tosUri, text(revision.tosUri()));
        policyUri = track(changes, "Privacy policy URI", policyUri, text(revision.policyUri()));
        initiationUri = track(changes, "Initiation URI", initiationUri, text(revision.initiationUri()));
        settingsUri = track(changes, "Settings URI", settingsUri, text(revision.settingsUri()));
        replace(changes, "Contact e-mails", contacts, revision.contacts().values());
        boolean technical = replace(changes, "Redirect URIs", redirectUris, revision.redirectUris());
        List<String> newScopes =
                revision.scopes().stream().map(ScopeName::value).sorted().toList();
        // Compared as sets: a loaded client's scopes come back in no particular order.
        if (!scopes.equals(Set.copyOf(newScopes))) {
            changes.add(
                    new FieldChange("Scopes", String.join(" ", new TreeSet<>(scopes)), String.join(" ", newScopes)));
            scopes.clear();
            scopes.addAll(newScopes);
            technical = true;
        }
        if (clientType != revision.clientType()) {
            changes.add(new FieldChange(
                    "Client type", clientType.label(), revision.clientType().label()));
            clientType = revision.clientType();
            technical = true;
        }
        if (subjectType != revision.subjectType()) {
            changes.add(new FieldChange(
                    "Subject type preference",
                    subjectType.label(),
                    revision.subjectType().label()));
            subjectType = revision.subjectType();
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
            updatedBy = actor;
        }
        if (approvedSnapshot != null) {
            // Contacts and the settings URI are not shown to end users; they reach production without a review.
            approvedSnapshot = approvedSnapshot.withUnreviewedFieldsOf(snapshot());
        }
        if (technical) {
            technicalChangedAt = now;
        }
        return changes;
    }

    /**
     * Adds one redirect URI to the end of the list, already validated together with the others. Adding a URI the
     * client has already is no change.
     */
    List<FieldChange> addRedirectUri(RedirectUri uri, String actor, Instant now) {
        requireEditable();
        if (redirectUris.contains(uri)) {
            return List.of();
        }
        List<FieldChange> changes = List.of(
                new FieldChange("Redirect URIs", lines(redirectUris), lines(redirectUris) + "\n" + uri.value()));
        redirectUris.add(uri);
        updatedAt = now;
        updatedBy = actor;
        technicalChangedAt = now;
        return changes;
    }

    List<FieldChange> changeLogo(String newLogoHash, String actor, Instant now) {
        requireEditable();
        if (Objects.equals(logoHash, newLogoHash)) {
            return List.of();
        }
        List<FieldChange> changes = List.of(new FieldChange("Logo", logoHash, newLogoHash));
        logoHash = newLogoHash;
        updatedAt = now;
        updatedBy = actor;
        return changes;
    }

    void delete(String actor, Instant now) {
        if (status == ClientStatus.IN_REVIEW) {
            throw new IllegalStateException("A client in review cannot be deleted; withdraw it from review first");
        }
        deletedAt = now;
        deletedBy = actor;
    }

    /** Freezes the current fields for a reviewer. */
    ClientSnapshot submitForReview() {
        switch (status) {
            case IN_REVIEW -> throw new IllegalStateException("This client is already waiting for a review");
            case REJECTED ->
                throw new IllegalStateException(
                        "A reviewer rejected this client; it cannot be submitted again. Register a new client instead");
            default -> {}
        }
        ClientSnapshot current = snapshot();
        if (approvedSnapshot != null && !current.differsForReview(approvedSnapshot)) {
            throw new IllegalStateException("Nothing that needs a review has changed since the last approval");
        }
        statusBeforeReview = status;
        status = ClientStatus.IN_REVIEW;
        return current;
    }

    void withdrawFromReview() {
        requireInReview();
        status = statusBeforeReview == null ? ClientStatus.DRAFT : statusBeforeReview;
        statusBeforeReview = null;
    }

    /** Approves the submitted revision; returns true for the first approval, which creates the production ID. */
    boolean approve(Instant now) {
        requireInReview();
        boolean first = productionClientId == null;
        if (first) {
            productionClientId = UUID.randomUUID();
        }
        approvedSnapshot = snapshot();
        approvedAt = now;
        status = ClientStatus.APPROVED;
        statusBeforeReview = null;
        return first;
    }

    void requestChanges() {
        requireInReview();
        status = ClientStatus.CHANGES_REQUESTED;
        statusBeforeReview = null;
    }

    /**
     * Rejects the submitted revision. A client that was never approved is rejected for good; a change to an
     * approved client is refused, and production keeps serving the approved revision.
     */
    void reject() {
        requireInReview();
        status = approvedSnapshot == null ? ClientStatus.REJECTED : ClientStatus.APPROVED;
        statusBeforeReview = null;
    }

    private void requireInReview() {
        if (status != ClientStatus.IN_REVIEW) {
            throw new IllegalStateException("This client is not waiting for a review");
        }
    }

    ClientSnapshot snapshot() {
        return new ClientSnapshot(
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                new ArrayList<>(scopes),
                clientType,
                pkceRequired,
                subjectType);
    }

    ClientSnapshot approvedSnapshot() {
        return approvedSnapshot;
    }

    UUID productionClientId() {
        return productionClientId;
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new IllegalStateException("A client in review cannot be edited; withdraw it from review first");
        }
    }

    boolean deleted() {
        return deletedAt != null;
    }

    UUID teamId() {
        return teamId;
    }

    String name() {
        return name;
    }

    ClientDetails details() {
        return new ClientDetails(
                getId(),
                teamId,
                sandboxClientId,
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                List.copyOf(contacts),
                initiationUri,
                settingsUri,
                List.copyOf(redirectUris),
                new LinkedHashSet<>(scopes),
                clientType,
                pkceRequired,
                subjectType,
                status,
                getVersion(),
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                technicalChangedAt,
                productionClientId,
                approvedAt,
                approvedSnapshot != null && snapshot().differsForReview(approvedSnapshot));
    }

    ClientSummary summary() {
        return new ClientSummary(
                getId(), name, logoHash, clientType, List.copyOf(new TreeSet<>(scopes)), status, updatedAt, updatedBy);
    }

    private static String track(List<FieldChange> changes, String field, String current, String next) {
        if (!Objects.equals(current, next)) {
            changes.add(new FieldChange(field, current, next));
        }
        return next;
    }

    private static <T> boolean replace(List<FieldChange> changes, String field, List<T> current, List<T> next) {
        if (current.equals(next)) {
            return false;
        }
        changes.add(new FieldChange(field, lines(current), lines(next)));
        current.clear();
        current.addAll(next);
        return true;
    }

    /** The values one per line, as the history shows a list; a redirect URI's text is its value. */
    private static String lines(List<?> values) {
        return String.join("\n", values.stream().map(String::valueOf).toList());
    }

    private static String text(java.util.Optional<WebUri> uri) {
        return uri.map(WebUri::value).orElse(null);
    }
}
