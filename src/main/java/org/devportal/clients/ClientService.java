package org.devportal.clients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.base.FieldChange;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.teams.TeamNotFoundException;
import org.devportal.teams.TeamService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a team's clients for its members. Every method checks that the current user is a member of the
 * client's team; for anyone else the client does not exist. Drafts are checked against the sandbox rules;
 * production rules apply when a client is submitted for review.
 */
@Service
public class ClientService {

    private final OAuthClientRepository clients;
    private final ClientEditor editor;
    private final ClientRules rules;
    private final ProductionReadiness readiness;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ClientListPages pages;

    ClientService(
            OAuthClientRepository clients,
            ClientEditor editor,
            ClientRules rules,
            ProductionReadiness readiness,
            TeamService teams,
            CurrentUser currentUser,
            Clock clock,
            ClientListPages pages) {
        this.clients = clients;
        this.editor = editor;
        this.rules = rules;
        this.readiness = readiness;
        this.teams = teams;
        this.currentUser = currentUser;
        this.clock = clock;
        this.pages = pages;
    }

    /**
     * A page of the team's clients whose name contains the search text, in any case. Unsorted pages come newest
     * change first. Two statements whatever the page size: the membership check, then the page's rows with their
     * scopes ({@link ClientListPages}).
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> list(UUID teamId, String search, Pageable page) {
        return page.isPaged()
                ? list(teamId, search, page.getOffset(), page.getPageSize(), page.getSort())
                : list(teamId, search, 0, Integer.MAX_VALUE, page.getSort());
    }

    /**
     * The clients from {@code offset} on, at most {@code limit} of them, as {@link #list(UUID, String, Pageable)}:
     * for a list that asks for any range of rows, not only whole pages (the grid asks for the rows around the ones
     * shown, which often span two pages).
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> list(UUID teamId, String search, long offset, int limit, Sort sort) {
        requireTeam(teamId);
        String text = normalised(search);
        return pages.page(teamId, text.isEmpty() ? null : containing(text), withTieBreak(sort), offset, limit);
    }

    /** How many of the team's clients the same search finds. */
    @Transactional(readOnly = true)
    public int count(UUID teamId, String search) {
        requireTeam(teamId);
        String text = normalised(search);
        return (int) (text.isEmpty() ? clients.countLive(teamId) : clients.countMatching(teamId, containing(text)));
    }

    private static String normalised(String search) {
        return search == null ? "" : search.strip();
    }

    /** A LIKE pattern for names containing the text literally: % and _ typed in the search are not wildcards. */
    private static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * Offset paging is only stable over a total order: clients changed in the same microsecond, or sharing a name,
     * are ordered by id, in the direction of the first sort so that the index is read in one direction.
     */
    private static Sort withTieBreak(Sort requested) {
        Sort sort = requested.isSorted() ? requested : Sort.by(Sort.Direction.DESC, "updatedAt");
        Sort.Direction direction = sort.iterator().next().getDirection();
        return sort.getOrderFor("id") != null ? sort : sort.and(Sort.by(direction, "id"));
    }

    /**
     * Registers a client from a type, a name and a first redirect URI only, without the client URI and the scopes
     * the create wizard also asks for: they must be added before the client's first save. The creator's e-mail
     * address becomes the first contact.
     */
    @Transactional
    public ClientDetails register(UUID teamId, ClientType type, String name, String firstRedirectUri) {
        requireTeam(teamId);
        PortalUser user = currentUser.require();
        if (type == null) {
            throw new InvalidInputException(ClientField.CLIENT_TYPE.id(), "Choose what you are building");
        }
        ClientName clientName = rules.name(name);
        editor.ensureNameFree(teamId, clientName, null);
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

    /**
     * Registers a client from the create wizard's answers: what it is, its name, the first redirect URI, the
     * application's home page (client URI) and at least one scope, so that a new client already meets the rules of
     * docs/client-rules.md on every save. The creator's e-mail address becomes the first contact.
     */
    @Transactional
    public ClientDetails register(
            UUID teamId, ClientType type, String name, String firstRedirectUri, String clientUri, Set<String> scopes) {
        requireTeam(teamId);
        PortalUser user = currentUser.require();
        if (type == null) {
            throw new InvalidInputException(ClientField.CLIENT_TYPE.id(), "Choose what you are building");
        }
        ClientName clientName = rules.name(name);
        editor.ensureNameFree(teamId, clientName, null);
        RedirectUri redirectUri = rules.redirectUri(firstRedirectUri, Environment.SANDBOX);
        var home = rules.requiredWebUri(ClientField.CLIENT_URI, clientUri, Environment.SANDBOX);
        var scopeNames = editor.scopes(scopes);
        List<String> contacts = user.email() == null
                ? List.of()
                : rules.contacts(List.of(user.email())).values();
        OAuthClient client = clients.saveAndFlush(OAuthClient.register(
                teamId,
                type,
                clientName,
                redirectUri,
                home,
                scopeNames,
                contacts,
                user.displayName(),
                clock.instant()));
        ClientDetails details = client.details();
        publish(
                client,
                ClientChanged.Action.REGISTERED,
                user,
                FieldChanges.setIn(
                        details.snapshot(),
                        List.of(
                                ClientField.NAME,
                                ClientField.CLIENT_TYPE,
                                ClientField.REDIRECT_URIS,
                                ClientField.CLIENT_URI,
                                ClientField.SCOPES)));
        return details;
    }

    /**
     * Registers a client with all its metadata at once, such as from a configuration document, checked by the same
     * rules as an edit on the client page.
     */
    @Transactional
    public ClientDetails registerWithMetadata(UUID teamId, ClientUpdate metadata) {
        requireTeam(teamId);
        PortalUser user = currentUser.require();
        return editor.registerWith(teamId, metadata, user.subject(), user.displayName());
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
        editor.revise(client, update, user.subject(), user.displayName());
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
        editor.delete(client, user.subject(), user.displayName());
    }

    /**
     * Freezes the client for review. The completeness checklist must pass, and the production rules must hold
     * (redirect-URI rule 8 of docs/client-rules.md, https everywhere); otherwise nothing changes and every problem is
     * reported by field.
     */
    @Transactional
    public Submission submitForReview(UUID clientId, String note) {
        OAuthClient client = load(clientId);
        PortalUser user = currentUser.require();
        readiness.refuseUnlessReadyForReview(client.details(), true);
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

    /** What is still missing before the client can be submitted for review. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(UUID clientId) {
        return Checklist.of(load(clientId).details());
    }

    /** The URIs' text, in a list that may be added to. */
    private static List<String> values(List<RedirectUri> uris) {
        return new ArrayList<>(uris.stream().map(RedirectUri::value).toList());
    }

    private OAuthClient load(UUID clientId) {
        OAuthClient client = editor.find(clientId);
        try {
            teams.requireMembership(client.teamId());
        } catch (TeamNotFoundException e) {
            throw new ClientNotFoundException();
        }
        return client;
    }

    /** One statement: the membership's row (a membership implies its team). */
    private void requireTeam(UUID teamId) {
        teams.requireMember(teamId);
    }

    private void publish(OAuthClient client, ClientChanged.Action action, PortalUser user, List<FieldChange> changes) {
        editor.publish(client, action, user.subject(), user.displayName(), changes);
    }
}
