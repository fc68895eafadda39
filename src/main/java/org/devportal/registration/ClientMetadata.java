package org.devportal.registration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devportal.base.InvalidInputException;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client metadata as the registration API receives it: the fields of RFC 7591 §2 the portal supports, and the
 * platform's extensions {@code initiation_uri}, {@code settings_uri} and {@code subject_type_preference}.
 *
 * <p>This class only maps between the protocol and the portal: JSON shapes, field names and the few protocol
 * rules (authentication method, grant and response types). Every rule about the values themselves is the client
 * page's, applied by {@link org.devportal.clients.MachineClientService}; {@link #problemOf} turns its field errors into the
 * protocol's error codes. Fields the portal does not understand are ignored, as RFC 7591 §2 requires; so is
 * {@code logo_uri}, since logos are uploaded and cropped in the portal.
 *
 * <p>What only the portal's client page has, and RFC 7591 has no field for, sits in one extension object,
 * {@code "portal"}: {@code pkce_required} ({@code true} unless the team asks for an exception from PKCE in
 * production) and {@code pkce_exception_reason}, the reason a reviewer reads. The same document is the client's
 * configuration as code: what the client page exports, imports and applies, and what the registration API accepts
 * and returns.
 *
 * @param pkceException whether the document asks for an exception from PKCE in production
 * @param pkceExceptionReason the reason for it, or null
 * @param clientId only in a replacement (RFC 7592 §2.2), where it must be the client's own ID
 * @param clientSecret only in a replacement, where, if present, it must be one of the client's active secrets
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        String scope,
        String tokenEndpointAuthMethod,
        List<String> grantTypes,
        List<String> responseTypes,
        List<String> contacts,
        String clientUri,
        String tosUri,
        String policyUri,
        String initiationUri,
        String settingsUri,
        String subjectTypePreference,
        boolean pkceException,
        String pkceExceptionReason,
        String clientId,
        String clientSecret) {

    /** The extension object with the portal's own fields. */
    public static final String PORTAL = "portal";

    public static final String PKCE_REQUIRED = "pkce_required";
    public static final String PKCE_EXCEPTION_REASON = "pkce_exception_reason";

    static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    static final String NONE = "none";
    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String CODE = "code";

    /** The RFC 7591 names of the portal's fields. */
    private static final Map<ClientField, String> FIELD_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(ClientField.NAME, "client_name"),
            Map.entry(ClientField.CLIENT_URI, "client_uri"),
            Map.entry(ClientField.TOS_URI, "tos_uri"),
            Map.entry(ClientField.POLICY_URI, "policy_uri"),
            Map.entry(ClientField.CONTACTS, "contacts"),
            Map.entry(ClientField.INITIATION_URI, "initiation_uri"),
            Map.entry(ClientField.SETTINGS_URI, "settings_uri"),
            Map.entry(ClientField.REDIRECT_URIS, "redirect_uris"),
            Map.entry(ClientField.SCOPES, "scope"),
            Map.entry(ClientField.CLIENT_TYPE, "token_endpoint_auth_method"),
            Map.entry(ClientField.SUBJECT_TYPE, "subject_type_preference"),
            Map.entry(ClientField.PKCE, PORTAL + "." + PKCE_REQUIRED)));

    /** The client page's field of the reason for a PKCE exception, which is not a {@link ClientField} of its own. */
    private static final String PKCE_EXCEPTION_REASON_FIELD = "pkceExceptionReason";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public ClientMetadata {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        grantTypes = grantTypes == null ? null : List.copyOf(grantTypes);
        responseTypes = responseTypes == null ? null : List.copyOf(responseTypes);
    }

    /**
     * Reads the request body: a JSON object of metadata. A body that is not JSON, not an object, or has a known
     * field of the wrong type is refused with {@code invalid_client_metadata}; a {@code null} field counts as absent.
     */
    public static ClientMetadata parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RegistrationException.invalidMetadata("Send the client metadata as a JSON object");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw RegistrationException.invalidMetadata("The body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; send the client metadata as one JSON object, each field once");
        }
        if (json == null || !json.isObject()) {
            throw RegistrationException.invalidMetadata("Send the client metadata as a JSON object");
        }
        JsonNode portal = json.get(PORTAL);
        if (portal != null && !portal.isNull() && !portal.isObject()) {
            throw RegistrationException.invalidMetadata(PORTAL + " must be a JSON object");
        }
        boolean pkceRequired = true;
        String pkceExceptionReason = null;
        if (portal != null && portal.isObject()) {
            JsonNode required = portal.get(PKCE_REQUIRED);
            if (required != null && !required.isNull()) {
                if (!required.isBoolean()) {
                    throw RegistrationException.invalidMetadata(
                            PORTAL + "." + PKCE_REQUIRED + " must be true or false");
                }
                pkceRequired = required.booleanValue();
            }
            pkceExceptionReason = string(portal, PKCE_EXCEPTION_REASON, PORTAL + ".");
        }
        return new ClientMetadata(
                string(json, "client_name"),
                strings(json, "redirect_uris"),
                string(json, "scope"),
                string(json, "token_endpoint_auth_method"),
                strings(json, "grant_types"),
                strings(json, "response_types"),
                strings(json, "contacts"),
                string(json, "client_uri"),
                string(json, "tos_uri"),
                string(json, "policy_uri"),
                string(json, "initiation_uri"),
                string(json, "settings_uri"),
                string(json, "subject_type_preference"),
                !pkceRequired,
                pkceExceptionReason,
                string(json, "client_id"),
                string(json, "client_secret"));
    }

    /** The client type the authentication method stands for; RFC 7591 §2 makes client_secret_basic the default. */
    public ClientType clientType() {
        if (tokenEndpointAuthMethod == null || tokenEndpointAuthMethod.equals(CLIENT_SECRET_BASIC)) {
            return ClientType.CONFIDENTIAL;
        }
        if (tokenEndpointAuthMethod.equals(NONE)) {
            return ClientType.PUBLIC;
        }
        throw RegistrationException.invalidMetadata("token_endpoint_auth_method: use " + CLIENT_SECRET_BASIC
                + " for a server-side web app, which gets a client secret, or " + NONE
                + " for a single-page, mobile or desktop app, which uses PKCE alone");
    }

    /**
     * The metadata as the fields of the client page, after the protocol's own checks. The values themselves are
     * checked by the client service.
     */
    public ClientUpdate toClientUpdate() {
        ClientType type = clientType();
        checkGrantTypes();
        checkResponseTypes();
        return new ClientUpdate(
                clientName,
                clientUri,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                scopes(),
                type,
                subjectType(),
                pkceException,
                pkceException ? pkceExceptionReason : null);
    }

    /**
     * The document's name of a client page field, such as {@code redirect_uris} for {@code redirectUris}, so that
     * an error about a document names the field as the document spells it; null for a field the document lacks.
     */
    public static String fieldNameOf(String clientPageField) {
        if (PKCE_EXCEPTION_REASON_FIELD.equals(clientPageField)) {
            return PORTAL + "." + PKCE_EXCEPTION_REASON;
        }
        return ClientField.byId(clientPageField).map(FIELD_NAMES::get).orElse(null);
    }

    /** The field error of a client rule as a registration error, with the field's RFC 7591 name in front. */
    public static RegistrationException problemOf(InvalidInputException e) {
        String field = fieldNameOf(e.field());
        String error = ClientField.REDIRECT_URIS.id().equals(e.field())
                ? RegistrationException.INVALID_REDIRECT_URI
                : RegistrationException.INVALID_CLIENT_METADATA;
        return new RegistrationException(error, field == null ? e.getMessage() : field + ": " + e.getMessage());
    }

    private void checkGrantTypes() {
        if (grantTypes == null) {
            return;
        }
        for (String grant : grantTypes) {
            if (!grant.equals(AUTHORIZATION_CODE) && !grant.equals(REFRESH_TOKEN)) {
                throw RegistrationException.invalidMetadata("grant_types: only " + AUTHORIZATION_CODE + " and "
                        + REFRESH_TOKEN + " are supported, not \"" + grant + "\"");
            }
        }
        if (!grantTypes.contains(AUTHORIZATION_CODE)) {
            throw RegistrationException.invalidMetadata("grant_types must include " + AUTHORIZATION_CODE
                    + ": clients sign users in with the authorization code flow and PKCE");
        }
    }

    private void checkResponseTypes() {
        if (responseTypes != null && !responseTypes.equals(List.of(CODE))) {
            throw RegistrationException.invalidMetadata("response_types: only [\"" + CODE + "\"] is supported");
        }
    }

    /** RFC 6749 §3.3: scope names separated by single spaces. Each name is checked against the catalogue later. */
    private Set<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope == null || scope.isEmpty()) {
            return scopes;
        }
        for (String name : scope.split(" ", -1)) {
            if (name.isEmpty()) {
                throw RegistrationException.invalidMetadata(
                        "scope: separate scope names with single spaces, with none before the first or after the last");
            }
            if (!scopes.add(name)) {
                throw RegistrationException.invalidMetadata("scope: \"" + name + "\" is listed twice");
            }
        }
        return scopes;
    }

    private SubjectTypePreference subjectType() {
        if (subjectTypePreference == null) {
            return null;
        }
        for (SubjectTypePreference preference : SubjectTypePreference.values()) {
            if (preference.name().equalsIgnoreCase(subjectTypePreference)) {
                return preference;
            }
        }
        throw RegistrationException.invalidMetadata(
                "subject_type_preference: use NONE, COMPANY or ORGANISATION, " + "or leave it out");
    }

    private static String string(JsonNode json, String field) {
        return string(json, field, "");
    }

    private static String string(JsonNode json, String field, String prefix) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw RegistrationException.invalidMetadata(prefix + field + " must be a string");
        }
        return value.stringValue();
    }

    private static List<String> strings(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw RegistrationException.invalidMetadata(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw RegistrationException.invalidMetadata(field + " must be an array of strings");
            }
            values.add(element.stringValue());
        }
        return values;
    }

    @Override
    public String toString() {
        // The record's own toString would print a client secret sent with a replacement.
        return "ClientMetadata[client_name=" + clientName + ", redirect_uris=" + redirectUris + ", scope=" + scope
                + ", token_endpoint_auth_method=" + tokenEndpointAuthMethod + "]";
    }
}
