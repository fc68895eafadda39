package org.devportal.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientType;
import org.devportal.clients.LogoAddress;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * The client information response of RFC 7591 §3.2.1 and RFC 7592 §3: the client's metadata as the portal stored
 * it, under the protocol's names. Optional fields that are not set are left out. Credentials are added by the
 * caller, and only where the protocol calls for them.
 */
final class ClientInformation {

    private ClientInformation() {}

    /**
     * @param portalBaseUrl the portal's address, for the absolute logo address
     * @param registrationClientUri where the client's registration can be read, replaced and deleted
     */
    static Map<String, Object> of(ClientDetails client, String portalBaseUrl, String registrationClientUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_id", client.sandboxClientId().toString());
        json.put("client_id_issued_at", client.createdAt().getEpochSecond());
        json.putAll(metadata(client, portalBaseUrl));
        json.put("registration_client_uri", registrationClientUri);
        return json;
    }

    /**
     * The client's metadata alone, without its identifiers: the client's configuration as code, which the client page
     * exports and which registers the same client again. It holds no secret and no token.
     */
    static Map<String, Object> metadata(ClientDetails client, String portalBaseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_name", client.name());
        json.put(
                "redirect_uris",
                client.redirectUris().stream().map(RedirectUri::value).toList());
        json.put(
                "token_endpoint_auth_method",
                client.clientType() == ClientType.CONFIDENTIAL
                        ? ClientMetadata.CLIENT_SECRET_BASIC
                        : ClientMetadata.NONE);
        // Every client gets refresh tokens (docs/client-rules.md, authorization flow and tokens), and the code flow is
        // the only flow there is.
        json.put("grant_types", List.of(ClientMetadata.AUTHORIZATION_CODE, ClientMetadata.REFRESH_TOKEN));
        json.put("response_types", List.of(ClientMetadata.CODE));
        json.put("scope", String.join(" ", client.scopes().stream().sorted().toList()));
        json.put("contacts", client.contacts());
        putIfSet(json, "client_uri", client.clientUri());
        putIfSet(json, "tos_uri", client.tosUri());
        putIfSet(json, "policy_uri", client.policyUri());
        putIfSet(json, "initiation_uri", client.initiationUri());
        putIfSet(json, "settings_uri", client.settingsUri());
        if (client.logoHash() != null) {
            json.put("logo_uri", portalBaseUrl + LogoAddress.path(client.logoHash(), 512));
        }
        json.put("subject_type_preference", client.subjectType().name());
        Map<String, Object> portal = new LinkedHashMap<>();
        portal.put(ClientMetadata.PKCE_REQUIRED, client.pkceRequired());
        putIfSet(portal, ClientMetadata.PKCE_EXCEPTION_REASON, client.pkceExceptionReason());
        json.put(ClientMetadata.PORTAL, portal);
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
