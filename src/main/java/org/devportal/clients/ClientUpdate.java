package org.devportal.clients;

import java.util.List;
import java.util.Set;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * The editable fields of a client as the user typed them. {@code pkceException} asks for an exception from PKCE in
 * production, with {@code pkceExceptionReason} for the reviewer.
 *
 * <p>The service validates each one, turning the redirect URIs
 * into {@link RedirectUri} values; blank optional addresses mean "not set yet".
 */
public record ClientUpdate(
        String name,
        String clientUri,
        String tosUri,
        String policyUri,
        List<String> contacts,
        String initiationUri,
        String settingsUri,
        List<String> redirectUris,
        Set<String> scopes,
        ClientType clientType,
        SubjectTypePreference subjectType,
        boolean pkceException,
        String pkceExceptionReason) {

    /** An update that asks for no PKCE exception, as machine registrations and most clients send. */
    public ClientUpdate(
            String name,
            String clientUri,
            String tosUri,
            String policyUri,
            List<String> contacts,
            String initiationUri,
            String settingsUri,
            List<String> redirectUris,
            Set<String> scopes,
            ClientType clientType,
            SubjectTypePreference subjectType) {
        this(
                name,
                clientUri,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                scopes,
                clientType,
                subjectType,
                false,
                null);
    }

    /** The current values of a client, as the starting point of an edit. */
    public static ClientUpdate of(ClientDetails client) {
        return new ClientUpdate(
                client.name(),
                blank(client.clientUri()),
                blank(client.tosUri()),
                blank(client.policyUri()),
                client.contacts(),
                blank(client.initiationUri()),
                blank(client.settingsUri()),
                client.redirectUris().stream().map(RedirectUri::value).toList(),
                client.scopes(),
                client.clientType(),
                client.subjectType(),
                !client.pkceRequired(),
                blank(client.pkceExceptionReason()));
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
