package org.devportal.authserver;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.devportal.clients.ProductionClient;
import org.devportal.clients.redirecturi.RedirectUri;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The portal's clients as Spring Authorization Server sees them, read live from the clients module rather than
 * copied into the server's own tables. The sandbox knows every client that is not deleted, with its current
 * configuration; production knows only approved clients, with their last approved revision.
 * <p>
 * Deliberately not a {@link RegisteredClientRepository} bean: the built-in identity provider has its own.
 */
@Component
class PlatformClients implements RegisteredClientRepository {

    static final String TEAM_SETTING = "portal.team-id";
    static final String SUBJECT_TYPE_SETTING = "portal.subject-type";

    /**
     * The client's redirect URIs as {@link RedirectUri} values, for {@link AuthorizationRequestRules}. Spring's own
     * {@link RegisteredClient#getRedirectUris()} gets their text, because its API takes strings.
     */
    static final String REDIRECT_URIS_SETTING = "portal.redirect-uris";

    /**
     * Whether a reviewer or administrator suspended the client at production. Production still knows a suspended
     * client, so that it can authenticate and be told why it is refused, and so that introspection of its tokens
     * answers inactive rather than failing; {@link #isSuspended} is asked wherever it must be refused.
     */
    static final String SUSPENDED_SETTING = "portal.suspended";

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(60);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

    private final ClientDirectory directory;

    PlatformClients(ClientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are registered through the portal");
    }

    @Override
    public RegisteredClient findById(String id) {
        ClientKey key;
        try {
            key = ClientKey.parse(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (key.issuer()) {
            case SANDBOX ->
                directory.byId(key.clientId()).map(client -> sandbox(client)).orElse(null);
            case PRODUCTION ->
                directory
                        .approvedById(key.clientId())
                        .map(PlatformClients::production)
                        .orElse(null);
        };
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        Optional<UUID> id = uuid(clientId);
        Optional<Issuer> issuer = currentIssuer();
        if (id.isEmpty() || issuer.isEmpty()) {
            return null;
        }
        return switch (issuer.get()) {
            case SANDBOX ->
                directory
                        .bySandboxClientId(id.get())
                        .map(PlatformClients::sandbox)
                        .orElse(null);
            case PRODUCTION ->
                directory
                        .byProductionClientId(id.get())
                        .map(PlatformClients::production)
                        .orElse(null);
        };
    }

    /** The sandbox requires PKCE of every client, whatever exception production grants. */
    static RegisteredClient sandbox(ClientDetails client) {
        return build(
                new ClientKey(Issuer.SANDBOX, client.id()),
                client.sandboxClientId(),
                client.createdAt(),
                client.teamId(),
                client.snapshot(),
                true,
                false);
    }

    /**
     * Production serves the last approved revision, under the production client ID. It lets a confidential client
     * skip PKCE only when a reviewer granted the exception in that revision.
     */
    static RegisteredClient production(ProductionClient client) {
        ClientSnapshot approved = client.approved();
        return build(
                new ClientKey(Issuer.PRODUCTION, client.id()),
                client.productionClientId(),
                client.approvedAt(),
                client.teamId(),
                approved,
                approved.pkceRequired() || approved.clientType() != ClientType.CONFIDENTIAL,
                client.suspended());
    }

    /** Whether the production issuer must refuse this client's requests and tokens for now. */
    static boolean isSuspended(RegisteredClient client) {
        return client != null && Boolean.TRUE.equals(client.getClientSettings().getSetting(SUSPENDED_SETTING));
    }

    private static RegisteredClient build(
            ClientKey key,
            UUID clientId,
            java.time.Instant issuedAt,
            UUID teamId,
            ClientSnapshot client,
            boolean requireProofKey,
            boolean suspended) {
        boolean confidential = client.clientType() == ClientType.CONFIDENTIAL;
        RegisteredClient.Builder builder = RegisteredClient.withId(key.toString())
                .clientId(clientId.toString())
                .clientIdIssuedAt(issuedAt)
                .clientName(client.name())
                .clientAuthenticationMethod(
                        confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> client.redirectUris().forEach(uri -> uris.add(uri.value())))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(requireProofKey)
                        .requireAuthorizationConsent(true)
                        .setting(TEAM_SETTING, teamId)
                        .setting(SUBJECT_TYPE_SETTING, client.subjectType())
                        .setting(REDIRECT_URIS_SETTING, client.redirectUris())
                        .setting(SUSPENDED_SETTING, suspended)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                        .reuseRefreshTokens(false)
                        .authorizationCodeTimeToLive(CODE_LIFETIME)
                        .build());
        if (confidential) {
            // Not a secret: the key under which SecretCheck finds the client's secrets.
            builder.clientSecret(key.toString());
        }
        return builder.build();
    }

    static Optional<Issuer> currentIssuer() {
        var context = AuthorizationServerContextHolder.getContext();
        return context == null ? Optional.empty() : Issuer.of(context.getIssuer());
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
