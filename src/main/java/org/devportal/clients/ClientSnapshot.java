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
        SubjectTypePreference subjectType) {

    public ClientSnapshot {
        contacts = List.copyOf(contacts);
        redirectUris = List.copyOf(redirectUris);
        scopes = scopes.stream().sorted().toList();
    }

    /**
     * This snapshot with another one's contact e-mails and settings URI: the two fields that reach production
     * without a review, because end users never see them at consent.
     */
    public ClientSnapshot withUnreviewedFieldsOf(ClientSnapshot current) {
        return new ClientSnapshot(
                name,
                clientUri,
                logoHash,
                tosUri,
                policyUri,
                current.contacts(),
                initiationUri,
                current.settingsUri(),
                redirectUris,
                scopes,
                clientType,
                pkceRequired,
                subjectType);
    }

    /** Whether this snapshot differs from another in a field that needs a review. */
    public boolean differsForReview(ClientSnapshot other) {
        return other == null || !withUnreviewedFieldsOf(other).equals(other);
    }
}
