package org.devportal.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Mailer;
import org.devportal.base.PortalProperties;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebUri;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What the use cases of people ({@link ClientService}) and of machine callers ({@link MachineClientService}) share
 * once the caller's right to act is settled: checking an edit against the field rules, applying it to the client,
 * and publishing what changed. It checks no access itself, which is why it is not public.
 */
@Component
class ClientEditor {

    /** The form field of the reason for a PKCE exception. */
    static final String PKCE_EXCEPTION_REASON = "pkceExceptionReason";

    private final OAuthClientRepository clients;
    private final ScopeCatalogue catalogue;
    private final ClientRules rules;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final PortalProperties portal;
    private final Clock clock;

    ClientEditor(
            OAuthClientRepository clients,
            ScopeCatalogue catalogue,
            ClientRules rules,
            ApplicationEventPublisher events,
            Mailer mailer,
            PortalProperties portal,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.rules = rules;
        this.events = events;
        this.mailer = mailer;
        this.portal = portal;
        this.clock = clock;
    }

    /** The client, if it exists and is not deleted; whoever asks must have checked the caller's access. */
    OAuthClient find(UUID clientId) {
        if (clientId == null) {
            throw new ClientNotFoundException();
        }
        return clients.findByIdAndDeletedAtIsNull(clientId).orElseThrow(ClientNotFoundException::new);
    }

    /** Every editable field of an edit, checked by the sandbox rules, for a client of the team. */
    ClientRevision validate(UUID teamId, UUID clientId, ClientUpdate update) {
        ClientName name = rules.name(update.name());
        ensureNameFree(teamId, name, clientId);
        var clientUri = webUri(ClientField.CLIENT_URI, update.clientUri());
        var tosUri = webUri(ClientField.TOS_URI, update.tosUri());
        var policyUri = webUri(ClientField.POLICY_URI, update.policyUri());
        ContactEmails contacts = rules.contacts(update.contacts() == null ? List.of() : update.contacts());
        var initiationUri = webUri(ClientField.INITIATION_URI, update.initiationUri());
        var settingsUri = webUri(ClientField.SETTINGS_URI, update.settingsUri());
        List<RedirectUri> redirectUris = rules.redirectUris(
                update.redirectUris() == null ? List.of() : update.redirectUris(), Environment.SANDBOX);
        Set<ScopeName> scopes = scopes(update.scopes());
        if (update.clientType() == null) {
            throw new InvalidInputException(ClientField.CLIENT_TYPE.id(), "Choose the client type");
        }
        SubjectTypePreference subjectType =
                update.subjectType() == null ? SubjectTypePreference.NONE : update.subjectType();
        Optional<PkceExceptionRequest> pkceException = pkceException(update);
        return new ClientRevision(
                name,
                clientUri,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                scopes,
                update.clientType(),
                pkceException,
                subjectType);
    }

    /** The PKCE exception the edit asks for: only for a confidential client, and only with a reason. */
    private static Optional<PkceExceptionRequest> pkceException(ClientUpdate update) {
        if (!update.pkceException()) {
            return Optional.empty();
        }
        try {
            PkceExceptionRequest.allowedFor(update.clientType());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ClientField.PKCE.id(), e.getMessage());
        }
        try {
            return Optional.of(new PkceExceptionRequest(update.pkceExceptionReason()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(PKCE_EXCEPTION_REASON, e.getMessage());
        }
    }

    /** The fields of a newly registered client that its history lists, in this order, when they are set. */
    private static final List<ClientField> REGISTERED_FIELDS = List.of(
            ClientField.NAME,
            ClientField.CLIENT_TYPE,
            ClientField.CLIENT_URI,
            ClientField.TOS_URI,
            ClientField.POLICY_URI,
            ClientField.INITIATION_URI,
            ClientField.SETTINGS_URI,
            ClientField.CONTACTS,
            ClientField.REDIRECT_URIS,
            ClientField.SCOPES);

    /**
     * Registers a client with all its metadata in the team, checked by the same rules as an edit on the client page.
     * The client starts as a sandbox draft, and its history records every field it was registered with.
     */
    ClientDetails registerWith(UUID teamId, ClientUpdate metadata, String actorSubject, String actorName) {
        ClientRevision revision = validate(teamId, null, metadata);
        Instant now = clock.instant();
        OAuthClient client = OAuthClient.register(
                teamId,
                revision.clientType(),
                revision.name(),
                revision.redirectUris().getFirst(),
                revision.contacts().values(),
                actorName,
                now);
        client.revise(revision, actorName, now);
        clients.saveAndFlush(client);
        ClientDetails details = client.details();
        publish(client, ClientChanged.Action.REGISTERED, actorSubject, actorName, registeredFields(details));
        return details;
    }

    /** Every field a client was registered with, as changes from nothing; a subject type only when there is one. */
    private static List<FieldChange> registeredFields(ClientDetails client) {
        List<ClientField> fields = new ArrayList<>(REGISTERED_FIELDS);
        if (client.subjectType() != SubjectTypePreference.NONE) {
            fields.add(ClientField.SUBJECT_TYPE);
        }
        if (client.snapshot().pkceException()) {
            fields.add(ClientField.PKCE);
        }
        return FieldChanges.setIn(client.snapshot(), fields);
    }

    /** Refuses a name another client of the team already has, ignoring letter case. */
    void ensureNameFree(UUID teamId, ClientName name, UUID exceptId) {
        if (clients.nameTaken(teamId, name.value(), exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw new InvalidInputException(
                    ClientField.NAME.id(),
                    "Your team already has a client called \"" + name.value() + "\"; choose another name");
        }
    }

    /**
     * Checks the edit, applies it, and records what changed; an edit that changes nothing records nothing. On an
     * approved client, the fields that reach production at once are checked against the production rules, and a
     * change to them is announced to the team and the contacts.
     */
    void revise(OAuthClient client, ClientUpdate update, String actorSubject, String actorName) {
        ClientRevision revision = validate(client.teamId(), client.getId(), update);
        boolean approved = client.approvedSnapshot() != null;
        if (approved) {
            requireProductionReady(revision);
        }
        List<String> contactsBefore = List.copyOf(client.snapshot().contacts());
        List<FieldChange> changes;
        try {
            changes = client.revise(revision, actorName, clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        if (!changes.isEmpty()) {
            try {
                clients.saveAndFlush(client);
            } catch (ObjectOptimisticLockingFailureException e) {
                throw new ConcurrentEditException(null);
            }
            publish(client, ClientChanged.Action.UPDATED, actorSubject, actorName, changes);
            if (approved) {
                announceLiveChanges(client, actorName, changes, contactsBefore);
            }
        }
    }

    /**
     * The production rules for the fields an edit of an approved client sends to production at once (docs/client-rules.md,
     * edits to approved clients). Contact e-mails have one set of rules everywhere; the settings URI must stay set and
     * be https, since production links to it.
     */
    private static void requireProductionReady(ClientRevision revision) {
        if (revision.settingsUri().isEmpty()) {
            throw new InvalidInputException(
                    ClientField.SETTINGS_URI.id(),
                    "The settings URI of an approved client cannot be cleared: production links users to it at once."
                            + " Change the address instead of clearing it");
        }
        revision.settingsUri().flatMap(WebUri::productionProblem).ifPresent(problem -> {
            throw new InvalidInputException(
                    ClientField.SETTINGS_URI.id(),
                    problem + ". This client is approved, so the settings URI reaches production at once");
        });
    }

    /** Tells the team, and every contact before and after the edit, about a change production uses at once. */
    private void announceLiveChanges(
            OAuthClient client, String actorName, List<FieldChange> changes, List<String> contactsBefore) {
        List<String> live = java.util.Arrays.stream(ClientField.values())
                .filter(ClientField::live)
                .map(ClientField::label)
                .toList();
        List<FieldChange> liveChanges =
                changes.stream().filter(change -> live.contains(change.field())).toList();
        if (liveChanges.isEmpty()) {
            return;
        }
        LiveFieldsChanged changed =
                new LiveFieldsChanged(client.getId(), client.teamId(), client.name(), actorName, liveChanges);
        events.publishEvent(changed);
        String link = portal.url("/clients/" + client.getId());
        StringBuilder body = new StringBuilder(changed.summary()).append(".\n");
        for (FieldChange change : liveChanges) {
            body.append("\n")
                    .append(change.field())
                    .append(":\n  before: ")
                    .append(
                            change.oldValue() == null
                                    ? "(not set)"
                                    : change.oldValue().replace("\n", ", "))
                    .append("\n  now: ")
                    .append(
                            change.newValue() == null
                                    ? "(not set)"
                                    : change.newValue().replace("\n", ", "));
        }
        body.append("\n\nIf you did not expect this change, tell your team at once.\n\nOpen the client: ")
                .append(link);
        // The previous contacts too: they are the ones to notice a change that takes the client away from them.
        Set<String> recipients = new LinkedHashSet<>(contactsBefore);
        recipients.addAll(client.snapshot().contacts());
        for (String contact : recipients) {
            mailer.send(contact, "Changed at once in production: " + client.name(), body.toString(), link);
        }
    }

    /** Deletes the client; it stays in the audit log. */
    void delete(OAuthClient client, String actorSubject, String actorName) {
        try {
            client.delete(actorName, clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        publish(client, ClientChanged.Action.DELETED, actorSubject, actorName, List.of());
    }

    void publish(
            OAuthClient client,
            ClientChanged.Action action,
            String actorSubject,
            String actorName,
            List<FieldChange> changes) {
        events.publishEvent(new ClientChanged(
                client.getId(),
                client.teamId(),
                client.name(),
                action,
                actorSubject,
                actorName,
                clock.instant(),
                new ArrayList<>(changes)));
    }

    private Optional<WebUri> webUri(ClientField field, String raw) {
        return rules.optionalWebUri(field.id(), raw, Environment.SANDBOX);
    }

    /** At least one scope, each from the catalogue. */
    Set<ScopeName> scopes(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInputException(
                    ClientField.SCOPES.id(), "Choose at least one scope: the APIs your integration calls");
        }
        var known = catalogue.byName();
        Set<ScopeName> scopes = new LinkedHashSet<>();
        for (String name : requested) {
            if (!known.containsKey(name)) {
                throw new InvalidInputException(
                        ClientField.SCOPES.id(), "\"" + name + "\" is not a scope of the catalogue");
            }
            scopes.add(new ScopeName(name));
        }
        return scopes;
    }
}
