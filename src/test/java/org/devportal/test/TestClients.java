package org.devportal.test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.clients.ClientUpdate;
import org.devportal.clients.SubjectTypePreference;

/**
 * Client updates for tests, in the manner of Spring Authorization Server's {@code TestRegisteredClients}: start
 * from a known-good client and change only the fields the test is about, so each test states what matters to it
 * and nothing else. The service reads a null optional address as "not set", the same as a blank one.
 */
public final class TestClients {

    /** The redirect URI both starting points use: https on a public host, which production accepts too. */
    public static final String REDIRECT_URI = "https://ledger.example.com/callback";

    private TestClients() {}

    /**
     * A confidential client with every editable field filled in well enough for review and production: https
     * addresses on a public host for the client, its terms, privacy policy, initiation and settings pages, a
     * contact, a redirect URI and a scope. Only the logo is missing; it is uploaded, not edited.
     */
    public static Builder complete() {
        return minimal()
                .withName("Ledger Sync")
                .withClientUri("https://ledger.example.com")
                .withTosUri("https://ledger.example.com/terms")
                .withPolicyUri("https://ledger.example.com/privacy")
                .withContacts("dev@ledger.example.com")
                .withInitiationUri("https://ledger.example.com/connect")
                .withSettingsUri("https://ledger.example.com/settings")
                .withScopes("vendors:read")
                .withSubjectType(SubjectTypePreference.NONE);
    }

    /**
     * A confidential client with only what every save needs: a name, a contact, a redirect URI and a scope. The
     * optional addresses and the subject type are left out, as a machine registration may leave them.
     */
    public static Builder minimal() {
        return new Builder()
                .withName("Ledger")
                .withContacts("ops@ledger.example.com")
                .withRedirectUri(REDIRECT_URI)
                .withScopes("accounts:read")
                .withType(ClientType.CONFIDENTIAL);
    }

    /**
     * Registers a client in the team as the signed-in member and gives it these scopes in a second save, as a
     * member does on the client page after the wizard.
     */
    public static ClientDetails registerWithScopes(
            ClientService clients, UUID teamId, ClientType type, String name, String redirectUri, String... scopes) {
        ClientDetails registered = clients.register(teamId, type, name, redirectUri);
        return clients.update(
                registered.id(),
                registered.version(),
                from(registered).withScopes(scopes).build());
    }

    /** The client's current values, the starting point of an edit, as the client page has them. */
    public static Builder from(ClientDetails client) {
        return new Builder(ClientUpdate.of(client));
    }

    /** Collects the fields of a {@link ClientUpdate}; each {@code with} method replaces one field's value. */
    public static final class Builder {

        private String name;
        private String clientUri;
        private String tosUri;
        private String policyUri;
        private List<String> contacts = List.of();
        private String initiationUri;
        private String settingsUri;
        private List<String> redirectUris = List.of();
        private Set<String> scopes = Set.of();
        private ClientType clientType;
        private SubjectTypePreference subjectType;
        private boolean pkceException;
        private String pkceExceptionReason;

        private Builder() {}

        private Builder(ClientUpdate start) {
            name = start.name();
            clientUri = start.clientUri();
            tosUri = start.tosUri();
            policyUri = start.policyUri();
            contacts = start.contacts();
            initiationUri = start.initiationUri();
            settingsUri = start.settingsUri();
            redirectUris = start.redirectUris();
            scopes = start.scopes();
            clientType = start.clientType();
            subjectType = start.subjectType();
            pkceException = start.pkceException();
            pkceExceptionReason = start.pkceExceptionReason();
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        public Builder withClientUri(String clientUri) {
            this.clientUri = clientUri;
            return this;
        }

        public Builder withTosUri(String tosUri) {
            this.tosUri = tosUri;
            return this;
        }

        public Builder withPolicyUri(String policyUri) {
            this.policyUri = policyUri;
            return this;
        }

        public Builder withContacts(String... contacts) {
            this.contacts = List.of(contacts);
            return this;
        }

        public Builder withInitiationUri(String initiationUri) {
            this.initiationUri = initiationUri;
            return this;
        }

        public Builder withSettingsUri(String settingsUri) {
            this.settingsUri = settingsUri;
            return this;
        }

        /** Replaces all redirect URIs with this one. */
        public Builder withRedirectUri(String redirectUri) {
            return withRedirectUris(redirectUri);
        }

        public Builder withRedirectUris(String... redirectUris) {
            this.redirectUris = List.of(redirectUris);
            return this;
        }

        /** Replaces the scopes, in the order given; without arguments, the client asks for none. */
        public Builder withScopes(String... scopes) {
            this.scopes = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(Arrays.asList(scopes)));
            return this;
        }

        public Builder withType(ClientType clientType) {
            this.clientType = clientType;
            return this;
        }

        public Builder withSubjectType(SubjectTypePreference subjectType) {
            this.subjectType = subjectType;
            return this;
        }

        /** Asks for a PKCE exception with this reason; a null reason asks for none. */
        public Builder withPkceException(String reason) {
            this.pkceException = reason != null;
            this.pkceExceptionReason = reason;
            return this;
        }

        public ClientUpdate build() {
            return new ClientUpdate(
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
                    pkceException,
                    pkceExceptionReason);
        }
    }
}
