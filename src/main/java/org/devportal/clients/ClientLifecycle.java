package org.devportal.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.devportal.base.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions on a client. There is no team-membership check here, because reviewers are not members:
 * the review module checks the reviewer's role and the four-eyes rule before it calls.
 *
 * <p>It is the named interface {@code clients :: lifecycle}, which only the review module declares among its
 * allowed dependencies.
 */
@NamedInterface("lifecycle")
@Service
public class ClientLifecycle {

    private final OAuthClientRepository clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientLifecycle(OAuthClientRepository clients, ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    /** When the client was registered; the four-eyes rule looks at team memberships from then on. */
    @Transactional(readOnly = true)
    public Instant createdAt(UUID clientId) {
        return clients.findById(clientId)
                .orElseThrow(ClientNotFoundException::new)
                .createdAt();
    }

    /**
     * Approves the submitted revision; production serves it from now on. Returns true on the first approval.
     *
     * @param grantPkceException whether the reviewer grants the PKCE exception the revision asks for; ignored when
     *        it asks for none, and when false a requested exception is refused and PKCE stays required
     */
    @Transactional
    public boolean approve(
            UUID clientId, String actorSubject, String actorName, String comment, boolean grantPkceException) {
        OAuthClient client = load(clientId);
        Instant now = clock.instant();
        boolean asked = client.snapshot().pkceException();
        boolean first = client.approve(now, grantPkceException);
        List<FieldChange> changes = new ArrayList<>();
        if (first) {
            changes.add(new FieldChange(
                    "Production client ID", null, client.productionClientId().toString()));
        }
        if (asked) {
            changes.add(new FieldChange("PKCE exception", "Requested", grantPkceException ? "Granted" : "Refused"));
        }
        publish(client, ClientChanged.Action.APPROVED, actorSubject, actorName, comment, changes, now);
        return first;
    }

    @Transactional
    public void requestChanges(UUID clientId, String actorSubject, String actorName, String comment) {
        OAuthClient client = load(clientId);
        client.requestChanges();
        publish(
                client,
                ClientChanged.Action.CHANGES_REQUESTED,
                actorSubject,
                actorName,
                comment,
                new ArrayList<>(),
                clock.instant());
    }

    @Transactional
    public void reject(UUID clientId, String actorSubject, String actorName, String reason) {
        OAuthClient client = load(clientId);
        client.reject();
        publish(
                client,
                ClientChanged.Action.REJECTED,
                actorSubject,
                actorName,
                reason,
                new ArrayList<>(),
                clock.instant());
    }

    /**
     * Stops the approved client at the production issuer at once, keeping its approval; returns the client as it now
     * is, for telling its team and contacts.
     */
    @Transactional
    public ClientDetails suspend(UUID clientId, String actorSubject, String actorName, String reason) {
        return production(
                clientId,
                ClientChanged.Action.SUSPENDED,
                actorSubject,
                actorName,
                reason,
                (client, now) -> client.suspend(reason, actorName, now));
    }

    /** Lets production serve the suspended client again, as last approved. */
    @Transactional
    public ClientDetails reinstate(UUID clientId, String actorSubject, String actorName, String reason) {
        return production(
                clientId,
                ClientChanged.Action.REINSTATED,
                actorSubject,
                actorName,
                reason,
                (client, now) -> client.reinstate());
    }

    /**
     * Takes the approval away. The event it publishes makes the authorization server revoke every production code
     * and token of the client, in this transaction.
     */
    @Transactional
    public ClientDetails revokeApproval(UUID clientId, String actorSubject, String actorName, String reason) {
        return production(
                clientId,
                ClientChanged.Action.APPROVAL_REVOKED,
                actorSubject,
                actorName,
                reason,
                (client, now) -> client.revokeApproval());
    }

    /** A reviewer's action on the client's production access: the transition, saved, and its reason in the history. */
    private ClientDetails production(
            UUID clientId,
            ClientChanged.Action action,
            String actorSubject,
            String actorName,
            String reason,
            BiConsumer<OAuthClient, Instant> transition) {
        OAuthClient client = load(clientId);
        Instant now = clock.instant();
        transition.accept(client, now);
        clients.saveAndFlush(client);
        publish(client, action, actorSubject, actorName, null, reasonOf(reason), now);
        return client.details();
    }

    private static List<FieldChange> reasonOf(String reason) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("Reason", null, reason));
        return changes;
    }

    private OAuthClient load(UUID clientId) {
        return clients.findByIdAndDeletedAtIsNull(clientId).orElseThrow(ClientNotFoundException::new);
    }

    private void publish(
            OAuthClient client,
            ClientChanged.Action action,
            String actorSubject,
            String actorName,
            String comment,
            List<FieldChange> changes,
            Instant now) {
        if (comment != null && !comment.isBlank()) {
            changes.add(new FieldChange("Comment", null, comment));
        }
        events.publishEvent(new ClientChanged(
                client.getId(), client.teamId(), client.name(), action, actorSubject, actorName, now, changes));
    }
}
