package org.devportal.clients;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devportal.clients.redirecturi.RedirectUri;
import org.devportal.clients.redirecturi.WebUri;

/** The editable fields of a client, every one validated. */
record ClientRevision(
        ClientName name,
        Optional<WebUri> clientUri,
        Optional<WebUri> tosUri,
        Optional<WebUri> policyUri,
        ContactEmails contacts,
        Optional<WebUri> initiationUri,
        Optional<WebUri> settingsUri,
        List<RedirectUri> redirectUris,
        Set<ScopeName> scopes,
        ClientType clientType,
        Optional<PkceExceptionRequest> pkceException,
        SubjectTypePreference subjectType) {}
