package org.devportal.authserver;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.devportal.base.Sha256;
import org.devportal.clients.ClientChanged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps the issuers' authorizations in the database. Codes, access tokens, refresh tokens and the consent
 * state are stored only as SHA-256 hashes: a copy of the table grants nothing. An authorization read back carries
 * each token's hash, marked with {@value #HASHED}, in place of its value, except for the token it was found by:
 * that one carries the value the caller presented, which the caller has proven to hold, so that Spring
 * Authorization Server's {@code authorization.getToken(value)} finds it. Saving an authorization stores the hash
 * of each value, or keeps the stored hash.
 * <p>
 * A code or refresh token is redeemed with a conditional update (see {@link #redeeming}): of two requests racing
 * with the same value, only one can replace it, on any number of nodes.
 */
@Component
class AuthorizationStore implements OAuth2AuthorizationService {

    static final String HASHED = "#";
    static final String COMPANY_CLAIM = "company_id";

    /** The attribute with the instant the authorization was created (the start of the user's consent). */
    static final String CREATED_AT = "org.devportal.authserver.created-at";

    /**
     * The attribute with the instant the end user signed in before consenting ({@link AuthenticationTime}), for the
     * {@code auth_time} of ID tokens; absent when unknown.
     */
    static final String AUTH_TIME = "org.devportal.authserver.auth-time";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The client that authenticated the request being handled; see {@link #forClient} and {@link #ownedBy}. */
    private static final ScopedValue<Caller> CALLER = ScopedValue.newInstance();

    /** The code or refresh token the request being handled redeems; see {@link #redeeming}. */
    private static final ScopedValue<Redemption> REDEMPTION = ScopedValue.newInstance();

    private final JdbcTemplate jdbc;
    private final PlatformClients clients;
    private final ObjectMapper json;
    private final Clock clock;

    AuthorizationStore(JdbcTemplate jdbc, PlatformClients clients, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (REDEMPTION.isBound()) {
            replaceRedeemed(authorization, REDEMPTION.get());
            return;
        }
        ClientKey key = ClientKey.parse(authorization.getRegisteredClientId());
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Instant now = clock.instant();
        jdbc.update(
                """
                insert into oauth_authorization (id, registered_client_id, client_id, environment, issuer, principal_name,
                    grant_type, authorized_scopes, request_json, state_hash,
                    code_hash, code_issued_at, code_expires_at, code_invalidated,
                    access_hash, access_issued_at, access_expires_at, access_scopes, access_subject, access_invalidated,
                    refresh_hash, refresh_issued_at, refresh_expires_at, refresh_invalidated, company_id, auth_time,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on duplicate key update authorized_scopes = values(authorized_scopes), request_json = values(request_json),
                    state_hash = values(state_hash), code_hash = values(code_hash), code_issued_at = values(code_issued_at),
                    code_expires_at = values(code_expires_at), code_invalidated = values(code_invalidated),
                    access_hash = values(access_hash), access_issued_at = values(access_issued_at),
                    access_expires_at = values(access_expires_at), access_scopes = values(access_scopes),
                    access_subject = values(access_subject), access_invalidated = values(access_invalidated),
                    refresh_hash = values(refresh_hash), refresh_issued_at = values(refresh_issued_at),
                    refresh_expires_at = values(refresh_expires_at), refresh_invalidated = values(refresh_invalidated),
                    company_id = coalesce(values(company_id), company_id), issuer = coalesce(values(issuer), issuer),
                    auth_time = coalesce(auth_time, values(auth_time)), updated_at = values(updated_at)
                """,
                row(
                        new Object[] {
                            authorization.getId(),
                            authorization.getRegisteredClientId(),
                            key.clientId(),
                            key.issuer().name(),
                            currentIssuer(),
                            authorization.getPrincipalName(),
                            authorization.getAuthorizationGrantType().getValue(),
                            String.join(" ", authorization.getAuthorizedScopes()),
                            request == null ? null : requestJson(request),
                            state == null ? null : storedHash(state),
                            code == null ? null : storedHash(code.getToken().getTokenValue()),
                            code == null ? null : timestamp(code.getToken().getIssuedAt()),
                            code == null ? null : timestamp(code.getToken().getExpiresAt()),
                            code != null && code.isInvalidated()
                        },
                        tokenColumns(authorization),
                        // Only the first save knows the signed-in user; an authorization read back names them only.
                        AuthenticationTime.of(authorization.getAttribute(Principal.class.getName()))
                                .map(AuthorizationStore::timestamp)
                                .orElse(null),
                        timestamp(now),
                        timestamp(now)));
    }

    /**
     * The access-token, refresh-token and company columns of an authorization, in the order both the insert of
     * {@link #save} and the conditional update of a redemption list them: hashes only, never a token value.
     */
    private static List<Object> tokenColumns(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        Map<String, Object> claims = access == null || access.getClaims() == null ? Map.of() : access.getClaims();
        Object company = claims.get(COMPANY_CLAIM);
        return Arrays.asList(
                access == null ? null : storedHash(access.getToken().getTokenValue()),
                access == null ? null : timestamp(access.getToken().getIssuedAt()),
                access == null ? null : timestamp(access.getToken().getExpiresAt()),
                access == null ? null : String.join(" ", access.getToken().getScopes()),
                claims.get("sub") == null ? null : claims.get("sub").toString(),
                access != null && access.isInvalidated(),
                refresh == null ? null : storedHash(refresh.getToken().getTokenValue()),
                refresh == null ? null : timestamp(refresh.getToken().getIssuedAt()),
                refresh == null ? null : timestamp(refresh.getToken().getExpiresAt()),
                refresh != null && refresh.isInvalidated(),
                company == null ? null : company.toString());
    }

    /** One statement's parameters: those before the token columns, the token columns, and those after. */
    private static Object[] row(Object[] before, List<Object> tokens, Object... after) {
        Object[] row = new Object[before.length + tokens.size() + after.length];
        System.arraycopy(before, 0, row, 0, before.length);
        for (int i = 0; i < tokens.size(); i++) {
            row[before.length + i] = tokens.get(i);
        }
        System.arraycopy(after, 0, row, before.length + tokens.size(), after.length);
        return row;
    }

    /**
     * Saves the authorization that redeeming a code or refresh token produced, on the condition that the redeemed
     * value is still the authorization's current, valid one. A request that lost a race, or whose authorization was
     * revoked meanwhile, changes nothing and gets {@link Superseded}.
     */
    private void replaceRedeemed(OAuth2Authorization authorization, Redemption redemption) {
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        int replaced = jdbc.update(
                "update oauth_authorization set authorized_scopes = ?, code_invalidated = ?,"
                        + " access_hash = ?, access_issued_at = ?, access_expires_at = ?, access_scopes = ?,"
                        + " access_subject = ?, access_invalidated = ?, refresh_hash = ?, refresh_issued_at = ?,"
                        + " refresh_expires_at = ?, refresh_invalidated = ?, company_id = coalesce(?, company_id),"
                        + " updated_at = ?"
                        + " where id = ? and " + redemption.kind().hashColumn + " = ? and "
                        + redemption.kind().invalidatedColumn + " = false",
                row(
                        new Object[] {
                            String.join(" ", authorization.getAuthorizedScopes()), code != null && code.isInvalidated()
                        },
                        tokenColumns(authorization),
                        timestamp(clock.instant()),
                        authorization.getId(),
                        hashOf(redemption.presented())));
        if (replaced != 1) {
            throw new Superseded(authorization.getId());
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.update("delete from oauth_spent_refresh_token where authorization_id = ?", authorization.getId());
        jdbc.update("delete from oauth_authorization where id = ?", authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return jdbc.query(
                "select * from oauth_authorization where id = ?",
                (ResultSetExtractor<OAuth2Authorization>) rs -> first(rs, null, null),
                id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (!StringUtils.hasText(token)) {
            return null;
        }
        if (REDEMPTION.isBound()
                && REDEMPTION.get().authorization() != null
                && REDEMPTION.get().kind().tokenType.equals(tokenType)
                && REDEMPTION.get().presented().equals(token)) {
            // Read at the start of this very request, and possibly narrowed since; no second round trip.
            return REDEMPTION.get().authorization();
        }
        String hash = hashOf(token);
        if (tokenType == null) {
            // Only token introspection and revocation look up a value of unknown type, and they are about access
            // and refresh tokens (RFC 7662, RFC 7009); a code or a consent state is not found this way.
            return jdbc.query(
                    "select * from oauth_authorization where access_hash = ? or refresh_hash = ?",
                    (ResultSetExtractor<OAuth2Authorization>) rs -> first(rs, token, hash),
                    hash,
                    hash);
        }
        String column = switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> "state_hash";
            case OAuth2ParameterNames.CODE -> "code_hash";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "access_hash";
            case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh_hash";
            default -> null;
        };
        if (column == null) {
            return null;
        }
        return jdbc.query(
                "select * from oauth_authorization where " + column + " = ?",
                (ResultSetExtractor<OAuth2Authorization>) rs -> first(rs, token, hash),
                hash);
    }

    /**
     * Runs a request of an authenticated client. While it runs, authorizations of that client are built with the
     * client as it was loaded to authenticate this very request, instead of loading it again for each lookup. The
     * authorization itself is always read afresh.
     */
    <T> T forClient(RegisteredClient client, Supplier<T> request) {
        return client == null
                ? request.get()
                : ScopedValue.where(CALLER, new Caller(client, false)).call(request::get);
    }

    /** Like {@link #forClient}, and only the client's own authorizations are found: others' tokens are unknown. */
    <T> T ownedBy(RegisteredClient client, Supplier<T> request) {
        return ScopedValue.where(CALLER, new Caller(client, true)).call(request::get);
    }

    /**
     * Runs the redemption of a code or refresh token: every authorization saved meanwhile replaces the redeemed
     * value only if it is still current and valid, in one conditional update, and otherwise throws
     * {@link Superseded}. A lookup of the presented value returns the authorization the redemption carries, if any.
     */
    <T> T redeeming(Redemption redemption, Supplier<T> grant) {
        return ScopedValue.where(REDEMPTION, redemption).call(grant::get);
    }

    /** What is redeemed: a code or a refresh token, with the authorization it was found in, if already read. */
    record Redemption(Kind kind, String presented, OAuth2Authorization authorization) {

        enum Kind {
            CODE(new OAuth2TokenType(OAuth2ParameterNames.CODE), "code_hash", "code_invalidated"),
            REFRESH_TOKEN(OAuth2TokenType.REFRESH_TOKEN, "refresh_hash", "refresh_invalidated");

            private final OAuth2TokenType tokenType;
            private final String hashColumn;
            private final String invalidatedColumn;

            Kind(OAuth2TokenType tokenType, String hashColumn, String invalidatedColumn) {
                this.tokenType = tokenType;
                this.hashColumn = hashColumn;
                this.invalidatedColumn = invalidatedColumn;
            }
        }
    }

    /** The redeemed value is no longer current: another request redeemed it first, or it was revoked. */
    static final class Superseded extends OAuth2AuthenticationException {

        private final String authorizationId;

        Superseded(String authorizationId) {
            super(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "This grant was already used or revoked.", null));
            this.authorizationId = authorizationId;
        }

        String authorizationId() {
            return authorizationId;
        }
    }

    private record Caller(RegisteredClient client, boolean ownOnly) {}

    /**
     * Records that a refresh token was presented and is spent. Returns false when it was already spent, whether by
     * an earlier request or by one racing with this one: the primary key lets only one of them insert it, and the
     * others wait for its transaction to end.
     */
    boolean markSpent(String refreshToken, String authorizationId) {
        try {
            jdbc.update(
                    "insert into oauth_spent_refresh_token (token_hash, authorization_id, spent_at) values (?, ?, ?)",
                    hashOf(refreshToken),
                    authorizationId,
                    timestamp(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * When a refresh token was spent and for which authorization, if it was. A locking read, so that it also sees
     * a spending that committed after this transaction's first read.
     */
    Optional<Spent> spent(String refreshToken) {
        return jdbc
                .query(
                        "select authorization_id, spent_at from oauth_spent_refresh_token where token_hash = ?"
                                + " lock in share mode",
                        (rs, row) ->
                                new Spent(rs.getString(1), rs.getTimestamp(2).toInstant()),
                        hashOf(refreshToken))
                .stream()
                .findFirst();
    }

    record Spent(String authorizationId, Instant at) {}

    /**
     * Invalidates every code and token the production issuer gave a client: its approval was revoked, and a later
     * approval must not bring them back.
     */
    @EventListener
    void onApprovalRevoked(ClientChanged event) {
        if (event.action() != ClientChanged.Action.APPROVAL_REVOKED) {
            return;
        }
        jdbc.update(
                "update oauth_authorization set code_invalidated = true, access_invalidated = true,"
                        + " refresh_invalidated = true, updated_at = ? where registered_client_id = ?",
                timestamp(clock.instant()),
                new ClientKey(Issuer.PRODUCTION, event.clientId()).toString());
    }

    /** Invalidates every code and token of an authorization. */
    void revokeAll(String authorizationId) {
        jdbc.update("""
                update oauth_authorization set code_invalidated = true, access_invalidated = true,
                    refresh_invalidated = true, updated_at = ? where id = ?
                """, timestamp(clock.instant()), authorizationId);
    }

    /**
     * Revokes a token of a client (RFC 7009): an access token alone, or, for a refresh token, current or spent, its
     * whole authorization. Each step is one update that matches only the client's own token, so a token of another
     * client, or an unknown value, changes nothing. The hint only decides which kind is tried first.
     */
    Optional<Revoked> revoke(String token, String hint, RegisteredClient client) {
        if (!StringUtils.hasText(token)) {
            return Optional.empty();
        }
        String hash = hashOf(token);
        Timestamp now = timestamp(clock.instant());
        List<Revoked> order = OAuth2ParameterNames.REFRESH_TOKEN.equals(hint)
                ? List.of(Revoked.REFRESH_TOKEN, Revoked.ACCESS_TOKEN)
                : List.of(Revoked.ACCESS_TOKEN, Revoked.REFRESH_TOKEN);
        for (Revoked kind : order) {
            int matched = kind == Revoked.ACCESS_TOKEN
                    ? jdbc.update(
                            "update oauth_authorization set access_invalidated = true, updated_at = ?"
                                    + " where access_hash = ? and registered_client_id = ?",
                            now,
                            hash,
                            client.getId())
                    : jdbc.update(
                            "update oauth_authorization set code_invalidated = true, access_invalidated = true,"
                                    + " refresh_invalidated = true, updated_at = ?"
                                    + " where refresh_hash = ? and registered_client_id = ?",
                            now,
                            hash,
                            client.getId());
            if (matched > 0) {
                return Optional.of(kind);
            }
        }
        // A spent refresh token still names its authorization: revoking it ends the authorization as well.
        Optional<Spent> spent = spent(token);
        if (spent.isPresent()
                && jdbc.update(
                                "update oauth_authorization set code_invalidated = true, access_invalidated = true,"
                                        + " refresh_invalidated = true, updated_at = ?"
                                        + " where id = ? and registered_client_id = ?",
                                now,
                                spent.get().authorizationId(),
                                client.getId())
                        > 0) {
            return Optional.of(Revoked.REFRESH_TOKEN);
        }
        return Optional.empty();
    }

    enum Revoked {
        ACCESS_TOKEN,
        REFRESH_TOKEN
    }

    /** The active access token with this value, for the sample API. */
    Optional<ActiveToken> activeAccessToken(String token) {
        if (!StringUtils.hasText(token)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                select registered_client_id, environment, access_scopes, access_subject, access_expires_at, company_id,
                    json_value(request_json, '$.clientId')
                from oauth_authorization where access_hash = ? and access_invalidated = false and access_expires_at > ?
                """,
                        (rs, row) -> new ActiveToken(
                                ClientKey.parse(rs.getString(1)),
                                Issuer.valueOf(rs.getString(2)),
                                scopes(rs.getString(3)),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getString(6) == null ? null : UUID.fromString(rs.getString(6)),
                                rs.getString(7)),
                        hashOf(token),
                        timestamp(clock.instant()))
                .stream()
                .findFirst();
    }

    /** What the sample API knows about the token a request carries. */
    record ActiveToken(
            ClientKey client,
            Issuer issuer,
            Set<String> scopes,
            String subject,
            Instant expiresAt,
            UUID companyId,
            String clientId) {}

    /**
     * The authorization of the first row, or null. The token or state whose hash is {@code presentedHash} carries
     * the {@code presented} value; every other one carries its stored hash.
     */
    private OAuth2Authorization first(ResultSet rs, String presented, String presentedHash) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        String registeredClientId = rs.getString("registered_client_id");
        Caller caller = CALLER.isBound() ? CALLER.get() : null;
        boolean callers = caller != null && caller.client().getId().equals(registeredClientId);
        if (caller != null && caller.ownOnly() && !callers) {
            return null;
        }
        RegisteredClient client = callers ? caller.client() : clients.findById(registeredClientId);
        if (client == null) {
            return null;
        }
        String principalName = rs.getString("principal_name");
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(rs.getString("id"))
                .principalName(principalName)
                .authorizationGrantType(new AuthorizationGrantType(rs.getString("grant_type")))
                .authorizedScopes(scopes(rs.getString("authorized_scopes")))
                .attribute(
                        Principal.class.getName(),
                        UsernamePasswordAuthenticationToken.authenticated(principalName, null, List.of()))
                .attribute(CREATED_AT, instant(rs, "created_at"));
        Instant authTime = instant(rs, "auth_time");
        if (authTime != null) {
            builder.attribute(AUTH_TIME, authTime);
        }
        String request = rs.getString("request_json");
        if (request != null) {
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), request(request));
        }
        String state = rs.getString("state_hash");
        if (state != null) {
            builder.attribute(OAuth2ParameterNames.STATE, value(state, presented, presentedHash));
        }
        String code = rs.getString("code_hash");
        if (code != null) {
            boolean invalidated = rs.getBoolean("code_invalidated");
            builder.token(
                    new OAuth2AuthorizationCode(
                            value(code, presented, presentedHash),
                            instant(rs, "code_issued_at"),
                            instant(rs, "code_expires_at")),
                    metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
        }
        String access = rs.getString("access_hash");
        if (access != null) {
            boolean invalidated = rs.getBoolean("access_invalidated");
            Instant issuedAt = instant(rs, "access_issued_at");
            Instant expiresAt = instant(rs, "access_expires_at");
            Set<String> accessScopes = scopes(rs.getString("access_scopes"));
            Map<String, Object> claims = new LinkedHashMap<>();
            if (rs.getString("issuer") != null) {
                claims.put("iss", rs.getString("issuer"));
            }
            if (rs.getString("access_subject") != null) {
                claims.put("sub", rs.getString("access_subject"));
            }
            claims.put("aud", List.of(client.getClientId()));
            claims.put("iat", issuedAt);
            claims.put("nbf", issuedAt);
            claims.put("exp", expiresAt);
            claims.put("scope", accessScopes);
            if (rs.getString("company_id") != null) {
                claims.put(COMPANY_CLAIM, rs.getString("company_id"));
            }
            builder.token(
                    new OAuth2AccessToken(
                            OAuth2AccessToken.TokenType.BEARER,
                            value(access, presented, presentedHash),
                            issuedAt,
                            expiresAt,
                            accessScopes),
                    metadata -> {
                        metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated);
                        metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims);
                    });
        }
        String refresh = rs.getString("refresh_hash");
        if (refresh != null) {
            boolean invalidated = rs.getBoolean("refresh_invalidated");
            builder.token(
                    new OAuth2RefreshToken(
                            value(refresh, presented, presentedHash),
                            instant(rs, "refresh_issued_at"),
                            instant(rs, "refresh_expires_at")),
                    metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
        }
        Set<String> authorizedScopes = scopes(rs.getString("authorized_scopes"));
        if (authorizedScopes.contains(OidcScopes.OPENID)) {
            builder.token(idTokenStandIn(client, authTime, rs));
        }
        return builder.build();
    }

    /**
     * ID tokens are not kept: a client never presents one back (there is no logout endpoint), and all that a refresh
     * and the user info endpoint need of it is that an authorization with {@code openid} has one, and its
     * {@code auth_time}. This stand-in carries those, and a value no client can present.
     */
    private static OidcIdToken idTokenStandIn(RegisteredClient client, Instant authTime, ResultSet rs)
            throws SQLException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(client.getClientId()));
        if (rs.getString("access_subject") != null) {
            claims.put("sub", rs.getString("access_subject"));
        }
        if (authTime != null) {
            claims.put(IdTokenClaimNames.AUTH_TIME, java.util.Date.from(authTime));
        }
        return new OidcIdToken(HASHED + "id-token-not-kept", null, null, claims);
    }

    private String requestJson(OAuth2AuthorizationRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("authorizationUri", request.getAuthorizationUri());
        values.put("clientId", request.getClientId());
        values.put("redirectUri", request.getRedirectUri());
        values.put("scopes", List.copyOf(request.getScopes()));
        values.put("state", request.getState());
        Map<String, String> additional = new LinkedHashMap<>();
        request.getAdditionalParameters()
                .forEach((name, value) -> additional.put(
                        name,
                        value instanceof Object[] array
                                ? String.join(
                                        " ",
                                        Arrays.stream(array)
                                                .map(String::valueOf)
                                                .toList())
                                : String.valueOf(value)));
        values.put("additionalParameters", additional);
        values.put("authorizationRequestUri", request.getAuthorizationRequestUri());
        return json.writeValueAsString(values);
    }

    @SuppressWarnings("unchecked")
    private OAuth2AuthorizationRequest request(String text) {
        Map<String, Object> values = json.readValue(text, MAP);
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri((String) values.get("authorizationUri"))
                .clientId((String) values.get("clientId"))
                .redirectUri((String) values.get("redirectUri"))
                .scopes(new LinkedHashSet<>((List<String>) values.get("scopes")))
                .state((String) values.get("state"))
                .additionalParameters(new HashMap<>((Map<String, Object>) values.get("additionalParameters")))
                // Kept as it was sent, so the builder need not rebuild it from the parameters on every token
                // request; rows saved before it was kept have none, and the builder rebuilds theirs.
                .authorizationRequestUri((String) values.get("authorizationRequestUri"))
                .build();
    }

    private static String currentIssuer() {
        var context = AuthorizationServerContextHolder.getContext();
        return context == null ? null : context.getIssuer();
    }

    private static Set<String> scopes(String text) {
        return text == null || text.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(text.split(" ")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** What a token read back carries: the value the caller presented, if it is this one, or else its hash. */
    private static String value(String storedHash, String presented, String presentedHash) {
        return storedHash.equals(presentedHash) ? presented : HASHED + storedHash;
    }

    /** The SHA-256 of a value a client presents. A presented value is always hashed, whatever it looks like. */
    static String hashOf(String presented) {
        return Sha256.hex(presented);
    }

    /** The stored form of a token being saved: the hash it carries when it was read back, or its SHA-256. */
    private static String storedHash(String value) {
        return value.startsWith(HASHED) ? value.substring(HASHED.length()) : hashOf(value);
    }
}
