package org.devportal.clients;

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

    MachineClientService(ClientEditor editor) {
        this.editor = editor;
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

    /** Deletes the client the caller's token is bound to. It stays in the audit log. */
    @Transactional
    public void deleteAs(UUID clientId, Actor actor) {
        editor.delete(editor.find(clientId), actor.subject(), actor.displayName());
    }
}
