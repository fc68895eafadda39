package org.devportal.clients;

import java.util.List;
import java.util.UUID;
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

    private final ClientEditor editor;
    private final ProductionReadiness readiness;

    MachineClientService(ClientEditor editor, ProductionReadiness readiness) {
        this.editor = editor;
        this.readiness = readiness;
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
        return editor.registerWith(teamId, metadata, actor.subject(), actor.displayName());
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
}
