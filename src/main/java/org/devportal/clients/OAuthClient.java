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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** The team's reason for a PKCE exception; set exactly when {@code pkceRequired} is false. */
    @Column(name = "pkce_exception_reason", length = PkceExceptionRequest.MAX_LENGTH)
    private String pkceExceptionReason;

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

    /**
     * When a redirect URI or scope was last added or changed, or the client type changed: a flow test older than this
     * is stale. Removals do not move it.
     */
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

    /** Set while a reviewer or administrator has stopped the client at the production issuer. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspended_by")
    private String suspendedBy;

    @Column(name = "suspension_reason", length = 2000)
    private String suspensionReason;

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

    /** A client registered from the create wizard: its first redirect URI, home page and scopes. */
    static OAuthClient register(
            UUID teamId,
            ClientType type,
            ClientName name,
            RedirectUri firstRedirectUri,
            org.devportal.clients.redirecturi.WebUri clientUri,
            Set<ScopeName> scopes,
            List<String> contacts,
            String actor,
            Instant now) {
        OAuthClient client = register(teamId, type, name, firstRedirectUri, contacts, actor, now);
        client.clientUri = clientUri.value();
        scopes.forEach(scope -> client.scopes.add(scope.value()));
        return client;
    }

    /** Applies a revision of the editable fields and returns what changed, field by field. */
    List<FieldChange> revise(ClientRevision revision, String actor, Instant now) {
        requireEditable();
        ClientSnapshot before = snapshot();
        name = revision.name().value();
        clientUri = text(revision.clientUri());
        tosUri = text(revision.tosUri());
        policyUri = text(revision.policyUri());
        initiationUri = text(revision.initiationUri());
        settingsUri = text(revision.settingsUri());
        replace(contacts, revision.contacts().values());
        replace(redirectUris, revision.redirectUris());
        replace(scopes, revision.scopes().stream().map(ScopeName::value).collect(Collectors.toSet()));
        clientType = revision.clientType();
        pkceRequired = revision.pkceException().isEmpty();
        pkceExceptionReason =
                revision.pkceException().map(PkceExceptionRequest::reason).orElse(null);
        subjectType = revision.subjectType();
        if (approvedSnapshot != null) {
            approvedSnapshot = approvedSnapshot.withUnreviewedFieldsOf(snapshot());
        }
        return changedSince(before, actor, now);
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
        ClientSnapshot before = snapshot();
        redirectUris.add(uri);
        return changedSince(before, actor, now);
    }

    List<FieldChange> changeLogo(String newLogoHash, String actor, Instant now) {
        requireEditable();
        ClientSnapshot before = snapshot();
        logoHash = newLogoHash;
        return changedSince(before, actor, now);
    }

    /**
     * What changed since {@code before}, for the history; a change marks the client as updated, and a change that
     * {@linkplain FieldChanges#affectFlow can affect the flow} makes an earlier flow test stale.
     */
    private List<FieldChange> changedSince(ClientSnapshot before, String actor, Instant now) {
        ClientSnapshot after = snapshot();
        FieldChanges changes = FieldChanges.between(before, after);
        if (!changes.isEmpty()) {
            updatedAt = now;
            updatedBy = actor;
        }
        if (FieldChanges.affectFlow(before, after)) {
            technicalChangedAt = now;
        }
        return changes.audit();
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

    /**
     * Approves the submitted revision; returns true for the first approval, which creates the production ID. A
     * PKCE exception the team asked for reaches production only when the reviewer grants it; a refused one is
     * withdrawn from the client too, so that the team asks again in a new submission if it must.
     */
    /** Approves a revision, refusing any PKCE exception it asks for. */
    boolean approve(Instant now) {
        return approve(now, false);
    }

    boolean approve(Instant now, boolean grantPkceException) {
        requireInReview();
        if (!pkceRequired && !grantPkceException) {
            pkceRequired = true;
            pkceExceptionReason = null;
        }
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

    /** Stops the client at the production issuer at once; it keeps its approval for a reinstatement. */
    void suspend(String reason, String actor, Instant now) {
        if (approvedSnapshot == null) {
            throw new IllegalStateException("Only a client approved for production can be suspended");
        }
        if (suspendedAt != null) {
            throw new IllegalStateException("This client is already suspended");
        }
        suspendedAt = now;
        suspendedBy = actor;
        suspensionReason = reason;
    }

    /** Lets the production issuer serve the suspended client again, as last approved. */
    void reinstate() {
        if (suspendedAt == null) {
            throw new IllegalStateException("This client is not suspended");
        }
        suspendedAt = null;
        suspendedBy = null;
        suspensionReason = null;
    }

    /**
     * Takes the approval away: production no longer knows the client, and the team has a client that was never
     * approved, to edit and submit again. The production client ID stays, so that a new approval does not change it.
     * A waiting submission must be decided first, since it was made against the approval.
     */
    void revokeApproval() {
        if (approvedSnapshot == null) {
            throw new IllegalStateException("This client is not approved for production");
        }
        if (status == ClientStatus.IN_REVIEW) {
            throw new IllegalStateException("A submission of this client is waiting: decide it first, or suspend the "
                    + "client to stop it at once");
        }
        approvedSnapshot = null;
        approvedAt = null;
        suspendedAt = null;
        suspendedBy = null;
        suspensionReason = null;
        status = ClientStatus.DRAFT;
        statusBeforeReview = null;
    }

    boolean suspended() {
        return suspendedAt != null;
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
                pkceExceptionReason,
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
                pkceExceptionReason,
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
                approvedSnapshot != null && snapshot().differsForReview(approvedSnapshot),
                suspendedAt == null ? null : new Suspension(suspendedAt, suspendedBy, suspensionReason));
    }

    /**
     * Replaces the elements only when they differ: rewriting an unchanged element collection would still count as a
     * change of the client for its version. Lists compare in order, sets (a loaded client's come in no particular
     * order) as sets.
     */
    private static <T, C extends Collection<T>> void replace(C current, C next) {
        if (!current.equals(next)) {
            current.clear();
            current.addAll(next);
        }
    }

    private static String text(java.util.Optional<WebUri> uri) {
        return uri.map(WebUri::value).orElse(null);
    }

    Instant createdAt() {
        return createdAt;
    }
}
