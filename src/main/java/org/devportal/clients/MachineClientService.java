package org.devportal.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devportal.base.FieldChange;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a team's clients for machine callers, such as the registration API, where no person is signed
 * in. There is no membership check here: the authority to act is the registration token that the caller has
 * already checked, an initial access token bound to the team for {@link #registerForTeam}, and a registration
 * access token bound to the client for the others. Every field is checked by exactly the same rules as on the
 * client page, and the client's history names the {@link Actor} as who made each change.
 *
 * <p>It is the named interface {@code clients :: machine}, which only the registration API declares among its
 * allowed dependencies; a person's use cases are in {@link ClientService}.
 */
@NamedInterface("machine")
@Service
public class MachineClientService {

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

    private final OAuthClientRepository clients;
    private final ClientEditor editor;
    private final ProductionReadiness readiness;
    private final Clock clock;

    MachineClientService(
            OAuthClientRepository clients, ClientEditor editor, ProductionReadiness readiness, Clock clock) {
        this.clients = clients;
        this.editor = editor;
        this.readiness = readiness;
        this.clock = clock;
    }

    /**
     * Registers a client with all its metadata in the team the caller's token is bound to. Every field is checked
     * by the same rules as on the client page; the client starts as a sandbox draft, and its history records every
     * field it was registered with.
     */
    @Transactional
    public ClientDetails registerForTeam(UUID teamId, ClientUpdate metadata, Actor actor) {
        if (teamId == null || metadata == null || actor == null) {
            throw new IllegalArgumentException("A team, the metadata and an actor are required");
        }
        ClientRevision revision = editor.validate(teamId, null, metadata);
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
        editor.publish(
                client,
                ClientChanged.Action.REGISTERED,
                actor.subject(),
                actor.displayName(),
                registeredFields(details));
        return details;
    }

    /**
     * Replaces all editable metadata of the client the caller's token is bound to. Fields left out are cleared, as
     * in a full replacement; the logo stays.
     */
    @Transactional
    public ClientDetails replaceMetadata(UUID clientId, ClientUpdate metadata, Actor actor) {
        OAuthClient client = editor.find(clientId);
        editor.revise(client, metadata, actor.subject(), actor.displayName());
        return client.details();
    }

    /**
     * Submits the client the caller's token is bound to for production review, under the same checklist and
     * production rules as a person's submission, except the logo, which only the portal can upload; the reviewer's
     * checks show a missing one. The review module records the submission in its queue.
     */
    @Transactional
    public Submission submitForReview(UUID clientId, Actor actor) {
        OAuthClient client = editor.find(clientId);
        readiness.refuseUnlessReadyForReview(client.details(), false);
        ClientSnapshot approved = client.approvedSnapshot();
        ClientSnapshot submitted = client.submitForReview();
        editor.publish(client, ClientChanged.Action.SUBMITTED, actor.subject(), actor.displayName(), List.of());
        return new Submission(client.getId(), client.teamId(), submitted, approved);
    }

    /** Deletes the client the caller's token is bound to. It stays in the audit log. */
    @Transactional
    public void deleteAs(UUID clientId, Actor actor) {
        editor.delete(editor.find(clientId), actor.subject(), actor.displayName());
    }

    /** Every field a client was registered with, as changes from nothing; a subject type only when there is one. */
    private static List<FieldChange> registeredFields(ClientDetails client) {
        List<ClientField> fields = new ArrayList<>(REGISTERED_FIELDS);
        if (client.subjectType() != SubjectTypePreference.NONE) {
            fields.add(ClientField.SUBJECT_TYPE);
        }
        return FieldChanges.setIn(client.snapshot(), fields);
    }
}
