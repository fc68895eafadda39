package org.devportal.registration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.PortalProperties;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientUpdate;
import org.devportal.teams.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's configuration as code, for the members of its team: the client exported as a JSON document, and a
 * document imported as a new client or applied to an existing one. The document is the registration API's client
 * metadata ({@link ClientMetadata}, {@link ClientInformation}) without identifiers, secrets or tokens, so the same
 * file registers the client through the API.
 *
 * <p>Every use case goes through {@link ClientService}, which checks the user's team membership and applies the
 * client page's rules; on an approved client, an applied document is an edit like any other, whose changes wait for
 * review where the form's would. A refusal is an {@link InvalidInputException} whose field is the document's name
 * for it ({@code redirect_uris}, {@code portal.pkce_exception_reason}) and whose message starts with that name.
 */
@Service
public class ClientConfigurationService {

    /** The field of an error about the document as a whole: not JSON, say, or a field of the wrong type. */
    public static final String DOCUMENT = "document";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ClientService clients;
    private final TeamService teams;
    private final PortalProperties portal;

    ClientConfigurationService(ClientService clients, TeamService teams, PortalProperties portal) {
        this.clients = clients;
        this.teams = teams;
        this.portal = portal;
    }

    /** A document that would change a client: what it changes, and the version the change is based on. */
    public record Preview(ConfigurationDiff diff, long basedOnVersion) {}

    /** The client as a configuration document, pretty-printed JSON. */
    @Transactional(readOnly = true)
    public String export(UUID clientId) {
        ClientDetails client = clients.get(clientId);
        return JSON.writeValueAsString(
                        ClientInformation.metadata(client, portal.baseUrl().toString())) + "\n";
    }

    /** What applying the document to the client would change; nothing is changed. */
    @Transactional(readOnly = true)
    public Preview previewApply(UUID clientId, String document) {
        ClientDetails client = clients.get(clientId);
        return new Preview(ConfigurationDiff.between(client, read(document)), client.version());
    }

    /** What a new client registered from the document would have; nothing is registered. */
    @Transactional(readOnly = true)
    public ConfigurationDiff previewImport(UUID teamId, String document) {
        teams.requireMembership(teamId);
        return ConfigurationDiff.ofNewClient(read(document));
    }

    /**
     * Applies the document to the client as one edit made on the given version, the one the preview showed: when
     * someone else saved in between, nothing changes and a {@link org.devportal.clients.ConcurrentEditException}
     * says so. The logo stays, since logos are uploaded and cropped on the client page.
     */
    @Transactional
    public ClientDetails apply(UUID clientId, long basedOnVersion, String document) {
        ClientUpdate update = read(document);
        try {
            return clients.update(clientId, basedOnVersion, update);
        } catch (InvalidInputException e) {
            throw named(e);
        }
    }

    /** Registers a new client in the team from the document, as a sandbox draft. */
    @Transactional
    public ClientDetails importClient(UUID teamId, String document) {
        ClientUpdate update = read(document);
        try {
            return clients.registerWithMetadata(teamId, update);
        } catch (InvalidInputException e) {
            throw named(e);
        }
    }

    /** The document's fields, after the protocol's checks; identifiers, secrets and logo addresses are ignored. */
    private static ClientUpdate read(String document) {
        try {
            return ClientMetadata.parse(document == null ? null : document.getBytes(StandardCharsets.UTF_8))
                    .toClientUpdate();
        } catch (RegistrationException e) {
            throw new InvalidInputException(DOCUMENT, e.description());
        }
    }

    /** A rule of the client page, refused under the document's name for the field. */
    private static InvalidInputException named(InvalidInputException e) {
        String field = ClientMetadata.fieldNameOf(e.field());
        if (field == null) {
            return e;
        }
        return new InvalidInputException(field, field + ": " + e.getMessage());
    }
}
