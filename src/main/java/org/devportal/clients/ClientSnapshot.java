package org.devportal.clients;

import java.util.List;
import org.devportal.clients.redirecturi.RedirectUri;

/**
 * A client as it is reviewed and as production serves it: every field, the logo's content hash, the redirect URIs
 * and the scopes. A submission freezes one; an approval makes it what production serves.
 */
public record ClientSnapshot(
        String name,
        String clientUri,
        String logoHash,
        String tosUri,
        String policyUri,
        List<String> contacts,
        String initiationUri,
        String settingsUri,
        List<RedirectUri> redirectUris,
        List<String> scopes,
        ClientType clientType,
        boolean pkceRequired,
        String pkceExceptionReason,
        SubjectTypePreference subjectType) {

    /**
     * A snapshot without a PKCE exception, as every client but a confidential one whose team asked for one has it.
     */
    public ClientSnapshot(
            String name,
            String clientUri,
            String logoHash,
            String tosUri,
            String policyUri,
            List<String> contacts,
            String initiationUri,
            String settingsUri,
            List<RedirectUri> redirectUris,
            List<String> scopes,
            ClientType clientType,
            boolean pkceRequired,
            SubjectTypePreference subjectType) {
        this(
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                scopes,
                clientType,
                pkceRequired,
                null,
                subjectType);
    }

    public ClientSnapshot {
        contacts = List.copyOf(contacts);
        redirectUris = List.copyOf(redirectUris);
        scopes = scopes.stream().sorted().toList();
    }

    /**
     * This snapshot with another one's {@linkplain ClientField#live() live} fields: the ones that reach production
     * without a review, because end users never see them at consent.
     */
    public ClientSnapshot withUnreviewedFieldsOf(ClientSnapshot current) {
        return new ClientSnapshot(
                pick(ClientField.NAME, name, current.name),
                pick(ClientField.CLIENT_URI, clientUri, current.clientUri),
                pick(ClientField.LOGO, logoHash, current.logoHash),
                pick(ClientField.TOS_URI, tosUri, current.tosUri),
                pick(ClientField.POLICY_URI, policyUri, current.policyUri),
                pick(ClientField.CONTACTS, contacts, current.contacts),
                pick(ClientField.INITIATION_URI, initiationUri, current.initiationUri),
                pick(ClientField.SETTINGS_URI, settingsUri, current.settingsUri),
                pick(ClientField.REDIRECT_URIS, redirectUris, current.redirectUris),
                pick(ClientField.SCOPES, scopes, current.scopes),
                pick(ClientField.CLIENT_TYPE, clientType, current.clientType),
                pick(ClientField.PKCE, pkceRequired, current.pkceRequired),
                pick(ClientField.PKCE, pkceExceptionReason, current.pkceExceptionReason),
                pick(ClientField.SUBJECT_TYPE, subjectType, current.subjectType));
    }

    /** This snapshot's value of a reviewed field, the current one's of a live field. */
    private static <T> T pick(ClientField field, T reviewed, T current) {
        return field.live() ? current : reviewed;
    }

    /** Whether the team asks for, or production grants, an exception from PKCE for this revision. */
    public boolean pkceException() {
        return !pkceRequired;
    }

    /** This snapshot with PKCE required again: what production serves when a reviewer refuses the exception. */
    public ClientSnapshot withPkceRequired() {
        return new ClientSnapshot(
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                contacts,
                initiationUri,
                settingsUri,
                redirectUris,
                scopes,
                clientType,
                true,
                null,
                subjectType);
    }

    /** Whether this snapshot differs from another in a field that needs a review. */
    public boolean differsForReview(ClientSnapshot other) {
        return other == null || !withUnreviewedFieldsOf(other).equals(other);
    }
}
