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
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebUri;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a team's clients. Every method checks that the current user is a member of the client's team;
 * for anyone else the client does not exist. Drafts are checked against the sandbox rules; production rules apply
 * when a client is submitted for review.
 *
 * <p>The methods that take an {@link Actor} are for machine callers, such as the registration API, where no person
 * is signed in. They skip the membership check because the caller has already proven its right to act for the
 * team or the client (with a token bound to it); they apply exactly the same field rules as the client page.
 * Never call them on behalf of a person.
 */
@Service
public class ClientService {

    private final OAuthClientRepository clients;
    private final ScopeCatalogue catalogue;
    private final ClientRules rules;
    private final ProductionReadiness readiness;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientService(
            OAuthClientRepository clients,
            ScopeCatalogue catalogue,
            ClientRules rules,
            ProductionReadiness readiness,
            TeamService teams,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.rules = rules;
        this.readiness = readiness;
        this.teams = teams;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the team's clients whose name contains the search text. */
    @Transactional(readOnly = true)
    public List<ClientSummary> list(UUID teamId, String search, Pageable page) {
        requireTeam(teamId);
        return clients.search(teamId, search == null ? "" : search.strip(), page).stream()
                .map(OAuthClient::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public int count(UUID teamId, String search) {
        requireTeam(teamId);
        return (int) clients.countSearch(teamId, search == null ? "" : search.strip());
    }

    /**
     * Registers a client from the three answers of the create wizard. The creator's e-mail address becomes the
     * first contact; everything else is filled in on the client page.
     */
    @Transactional
    public ClientDetails register(UUID teamId, ClientType type, String name, String firstRedirectUri) {
        requireTeam(teamId);
        PortalUser user = currentUser.require();
        if (type == null) {
            throw new InvalidInputException(ClientField.CLIENT_TYPE.id(), "Choose what you are building");
        }
        ClientName clientName = rules.name(name);
        ensureNameFree(teamId, clientName, null);
        RedirectUri redirectUri = rules.redirectUri(firstRedirectUri, Environment.SANDBOX);
        List<String> contacts = user.email() == null
                ? List.of()
                : rules.contacts(List.of(user.email())).values();
        OAuthClient client = clients.saveAndFlush(OAuthClient.register(
                teamId, type, clientName, redirectUri, contacts, user.displayName(), clock.instant()));
        ClientDetails details = client.details();
        publish(
                client,
                ClientChanged.Action.REGISTERED,
                user,
                FieldChanges.setIn(
                        details.snapshot(),
                        List.of(ClientField.NAME, ClientField.CLIENT_TYPE, ClientField.REDIRECT_URIS)));
        return details;
    }

    @Transactional(readOnly = true)
    public ClientDetails get(UUID clientId) {
        return load(clientId).details();
    }

    /**
     * Saves an edit of the client, made on the given version. When someone else saved in between, nothing is
     * applied and a {@link ConcurrentEditException} says so.
     */
    @Transactional
    public ClientDetails update(UUID clientId, long basedOnVersion, ClientUpdate update) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        if (client.getVersion() != basedOnVersion) {
            throw new ConcurrentEditException(client.details().updatedBy());
        }
        revise(client, update, user.subject(), user.displayName());
        return client.details();
    }

    /**
     * Adds one sandbox redirect URI, such as the portal's own flow-test callback, to an edit made on the given
     * version. The whole list is checked again against the sandbox rules, so the limit of ten still holds.
     */
    @Transactional
    public ClientDetails addRedirectUri(UUID clientId, long basedOnVersion, String uri) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        if (client.getVersion() != basedOnVersion) {
            throw new ConcurrentEditException(client.details().updatedBy());
        }
        List<String> wanted = values(client.details().redirectUris());
        if (wanted.contains(uri)) {
            return client.details();
        }
        wanted.add(uri);
        RedirectUri added = rules.redirectUris(wanted, Environment.SANDBOX).getLast();
        List<FieldChange> changes;
        try {
            changes = client.addRedirectUri(added, user.displayName(), clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException(ClientField.REDIRECT_URIS.id(), e.getMessage());
        }
        if (!changes.isEmpty()) {
            try {
                clients.saveAndFlush(client);
            } catch (ObjectOptimisticLockingFailureException e) {
                throw new ConcurrentEditException(null);
            }
            publish(client, ClientChanged.Action.UPDATED, user, changes);
        }
        return client.details();
    }

    /**
     * Sets the client's logo to an already processed and stored image, by its content hash. Logos are edited
     * on their own, so a logo change does not touch what the user is typing in the form.
     */
    @Transactional
    public ClientDetails changeLogo(UUID clientId, String logoHash) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        List<FieldChange> changes;
        try {
            changes = client.changeLogo(logoHash, user.displayName(), clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException(ClientField.LOGO.id(), e.getMessage());
        }
        if (!changes.isEmpty()) {
            clients.saveAndFlush(client);
            publish(client, ClientChanged.Action.UPDATED, user, changes);
        }
        return client.details();
    }

    /** Deletes the client after the user typed its name to confirm. It stays in the audit log. */
    @Transactional
    public void delete(UUID clientId, String typedName) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        if (typedName == null || !typedName.equals(client.name())) {
            throw new InvalidInputException("confirmation", "Type the client's name exactly as shown to delete it");
        }
        try {
            client.delete(user.displayName(), clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        publish(client, ClientChanged.Action.DELETED, user, List.of());
    }

    /**
     * Freezes the client for review. The completeness checklist must pass, and the production rules must hold
     * (SPEC §3.1 rule 8, https everywhere); otherwise nothing changes and every problem is reported by field.
     */
    @Transactional
    public Submission submitForReview(UUID clientId, String note) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        ClientDetails details = client.details();
        List<SubmissionRefusedException.FieldProblem> problems = new ArrayList<>();
        for (ChecklistItem item : Checklist.of(details)) {
            if (!item.done()) {
                problems.add(new SubmissionRefusedException.FieldProblem(
                        item.field(),
                        item.label(),
                        item.label() + " is required before review: "
                                + item.hint().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        ClientSnapshot current = details.snapshot();
        for (ProductionReadiness.Problem problem : readiness.webAddressProblems(current)) {
            problems.add(new SubmissionRefusedException.FieldProblem(
                    problem.field().id(),
                    problem.field().label(),
                    problem.field().label() + ": " + problem.reason()));
        }
        for (ProductionReadiness.Problem problem : readiness.redirectUriProblems(current)) {
            problems.add(new SubmissionRefusedException.FieldProblem(
                    problem.field().id(), problem.field().label(), problem.address() + ": " + problem.reason()));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefusedException(problems);
        }
        ClientSnapshot approved = client.approvedSnapshot();
        ClientSnapshot submitted = client.submitForReview();
        List<FieldChange> changes = new ArrayList<>();
        if (note != null && !note.isBlank()) {
            changes.add(new FieldChange("Note for the reviewer", null, note.strip()));
        }
        publish(client, ClientChanged.Action.SUBMITTED, user, changes);
        return new Submission(client.getId(), client.teamId(), submitted, approved);
    }

    /** Takes a submission back; the client is editable again. */
    @Transactional
    public void withdrawFromReview(UUID clientId) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        client.withdrawFromReview();
        publish(client, ClientChanged.Action.WITHDRAWN, user, List.of());
    }

    /**
     * Registers a client with all its metadata for a machine caller that has proven its right to act for the team
     * (see the class comment). Every field is checked by the same rules as on the client page; the client starts
     * as a sandbox draft, and its history records every field it was registered with.
     */
    @Transactional
    public ClientDetails registerForTeam(UUID teamId, ClientUpdate metadata, Actor actor) {
        if (teamId == null || metadata == null || actor == null) {
            throw new IllegalArgumentException("A team, the metadata and an actor are required");
        }
        ClientRevision revision = validate(teamId, null, metadata);
        Instant now = clock.instant();
        OAuthClient client = OAuthClient.register(
                teamId,
                revision.clientType(),
                revision.name(),
                revision.redirectUris().getFirst(),
                revision.contacts().values(),
                actor.displayName(),
                now);
        client.revise(revision, actor.displayName(), now);
        clients.saveAndFlush(client);
        ClientDetails details = client.details();
        publish(
                client,
                ClientChanged.Action.REGISTERED,
                actor.subject(),
                actor.displayName(),
                registeredFields(details));
        return details;
    }

    /**
     * Replaces all editable metadata of a client for a machine caller that has proven its right to manage this
     * client (see the class comment). Fields left out are cleared, as in a full replacement; the logo stays.
     */
    @Transactional
    public ClientDetails replaceMetadata(UUID clientId, ClientUpdate metadata, Actor actor) {
        OAuthClient client = loadForMachine(clientId);
        revise(client, metadata, actor.subject(), actor.displayName());
        return client.details();
    }

    /** Deletes a client for a machine caller that has proven its right to manage it. It stays in the audit log. */
    @Transactional
    public void deleteAs(UUID clientId, Actor actor) {
        OAuthClient client = loadForMachine(clientId);
        try {
            client.delete(actor.displayName(), clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("status", e.getMessage());
        }
        publish(client, ClientChanged.Action.DELETED, actor.subject(), actor.displayName(), List.of());
    }

    /** What is still missing before the client can be submitted for review. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(UUID clientId) {
        return Checklist.of(load(clientId).details());
    }

    private void revise(OAuthClient client, ClientUpdate update, String actorSubject, String actorName) {
        ClientRevision revision = validate(client.teamId(), client.getId(), update);
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
        }
    }

    /** Every field a client was registered with, as changes from nothing, for its history. */
    private static List<FieldChange> registeredFields(ClientDetails client) {
        List<ClientField> fields = new ArrayList<>(List.of(
                ClientField.NAME,
                ClientField.CLIENT_TYPE,
                ClientField.CLIENT_URI,
                ClientField.TOS_URI,
                ClientField.POLICY_URI,
                ClientField.INITIATION_URI,
                ClientField.SETTINGS_URI,
                ClientField.CONTACTS,
                ClientField.REDIRECT_URIS,
                ClientField.SCOPES));
        if (client.subjectType() != SubjectTypePreference.NONE) {
            fields.add(ClientField.SUBJECT_TYPE);
        }
        return FieldChanges.setIn(client.snapshot(), fields);
    }

    /** The URIs' text, in a list that may be added to. */
    private static List<String> values(List<RedirectUri> uris) {
        return new ArrayList<>(uris.stream().map(RedirectUri::value).toList());
    }

    private ClientRevision validate(UUID teamId, UUID clientId, ClientUpdate update) {
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
                subjectType);
    }

    private Optional<WebUri> webUri(ClientField field, String raw) {
        return rules.optionalWebUri(field.id(), raw, Environment.SANDBOX);
    }

    private Set<ScopeName> scopes(Set<String> requested) {
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

    private void ensureNameFree(UUID teamId, ClientName name, UUID exceptId) {
        if (clients.nameTaken(teamId, name.value(), exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw new InvalidInputException(
                    ClientField.NAME.id(),
                    "Your team already has a client called \"" + name.value() + "\"; choose another name");
        }
    }

    private OAuthClient load(UUID clientId) {
        if (clientId == null) {
            throw new ClientNotFoundException();
        }
        OAuthClient client = clients.findByIdAndDeletedAtIsNull(clientId).orElseThrow(ClientNotFoundException::new);
        try {
            teams.requireMembership(client.teamId());
        } catch (TeamNotFoundException e) {
            throw new ClientNotFoundException();
        }
        return client;
    }

    /** The client, without a membership check: for machine callers only (see the class comment). */
    private OAuthClient loadForMachine(UUID clientId) {
        if (clientId == null) {
            throw new ClientNotFoundException();
        }
        return clients.findByIdAndDeletedAtIsNull(clientId).orElseThrow(ClientNotFoundException::new);
    }

    private void requireTeam(UUID teamId) {
        teams.requireMembership(teamId);
    }

    private void publish(OAuthClient client, ClientChanged.Action action, PortalUser user, List<FieldChange> changes) {
        publish(client, action, user.subject(), user.displayName(), changes);
    }

    private void publish(
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
}
