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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
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
 * each token's hash, marked with {@value #HASHED}, in place of its value; Spring Authorization Server only looks
 * up tokens by the value a client presents, and saving such an authorization keeps the stored hash.
 */
@Component
class AuthorizationStore implements OAuth2AuthorizationService {

    static final String HASHED = "#";
    static final String COMPANY_CLAIM = "company_id";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The client that authenticated the token request being handled; see {@link #forClient}. */
    private static final ScopedValue<RegisteredClient> AUTHENTICATED_CLIENT = ScopedValue.newInstance();

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
        ClientKey key = ClientKey.parse(authorization.getRegisteredClientId());
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Map<String, Object> claims = access == null || access.getClaims() == null ? Map.of() : access.getClaims();
        Object company = claims.get(COMPANY_CLAIM);
        Instant now = clock.instant();
        jdbc.update(
                """
                insert into oauth_authorization (id, registered_client_id, client_id, environment, issuer, principal_name,
                    grant_type, authorized_scopes, request_json, state_hash,
                    code_hash, code_issued_at, code_expires_at, code_invalidated,
                    access_hash, access_issued_at, access_expires_at, access_scopes, access_subject, access_invalidated,
                    refresh_hash, refresh_issued_at, refresh_expires_at, refresh_invalidated, company_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on duplicate key update authorized_scopes = values(authorized_scopes), request_json = values(request_json),
                    state_hash = values(state_hash), code_hash = values(code_hash), code_issued_at = values(code_issued_at),
                    code_expires_at = values(code_expires_at), code_invalidated = values(code_invalidated),
                    access_hash = values(access_hash), access_issued_at = values(access_issued_at),
                    access_expires_at = values(access_expires_at), access_scopes = values(access_scopes),
                    access_subject = values(access_subject), access_invalidated = values(access_invalidated),
                    refresh_hash = values(refresh_hash), refresh_issued_at = values(refresh_issued_at),
                    refresh_expires_at = values(refresh_expires_at), refresh_invalidated = values(refresh_invalidated),
                    company_id = coalesce(values(company_id), company_id), issuer = coalesce(values(issuer), issuer),
                    updated_at = values(updated_at)
                """,
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
                code != null && code.isInvalidated(),
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
                company == null ? null : company.toString(),
                timestamp(now),
                timestamp(now));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.update("delete from oauth_spent_refresh_token where authorization_id = ?", authorization.getId());
        jdbc.update("delete from oauth_authorization where id = ?", authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return jdbc.query("select * from oauth_authorization where id = ?", this::first, id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (!StringUtils.hasText(token)) {
            return null;
        }
        String hash = hashOf(token);
        if (tokenType == null) {
            return jdbc.query("""
                    select * from oauth_authorization
                    where state_hash = ? or code_hash = ? or access_hash = ? or refresh_hash = ?
                    """, this::first, hash, hash, hash, hash);
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
        return jdbc.query("select * from oauth_authorization where " + column + " = ?", this::first, hash);
    }

    /**
     * Runs a refresh grant of an authenticated client. While it runs, authorizations of that client are built with
     * the client as it was loaded to authenticate this very request, instead of loading it again for each lookup of
     * the refresh token. The authorization itself is always read afresh.
     */
    <T> T forClient(RegisteredClient client, Supplier<T> grant) {
        return client == null
                ? grant.get()
                : ScopedValue.where(AUTHENTICATED_CLIENT, client).call(grant::get);
    }

    /**
     * Records that a refresh token was presented and is spent. Returns false when it was already spent: that is
     * a reuse, even when two requests race with the same token.
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

    /** The authorization a spent refresh token belonged to, if the token was spent before. */
    Optional<String> spentBy(String refreshToken) {
        return jdbc
                .query(
                        "select authorization_id from oauth_spent_refresh_token where token_hash = ?",
                        (rs, row) -> rs.getString(1),
                        hashOf(refreshToken))
                .stream()
                .findFirst();
    }

    /** Invalidates every code and token of an authorization. */
    void revokeAll(String authorizationId) {
        jdbc.update("""
                update oauth_authorization set code_invalidated = true, access_invalidated = true,
                    refresh_invalidated = true, updated_at = ? where id = ?
                """, timestamp(clock.instant()), authorizationId);
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

    private OAuth2Authorization first(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        String registeredClientId = rs.getString("registered_client_id");
        RegisteredClient client = AUTHENTICATED_CLIENT.isBound()
                        && AUTHENTICATED_CLIENT.get().getId().equals(registeredClientId)
                ? AUTHENTICATED_CLIENT.get()
                : clients.findById(registeredClientId);
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
                        UsernamePasswordAuthenticationToken.authenticated(principalName, null, List.of()));
        String request = rs.getString("request_json");
        if (request != null) {
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), request(request));
        }
        String state = rs.getString("state_hash");
        if (state != null) {
            builder.attribute(OAuth2ParameterNames.STATE, HASHED + state);
        }
        String code = rs.getString("code_hash");
        if (code != null) {
            boolean invalidated = rs.getBoolean("code_invalidated");
            builder.token(
                    new OAuth2AuthorizationCode(
                            HASHED + code, instant(rs, "code_issued_at"), instant(rs, "code_expires_at")),
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
                            OAuth2AccessToken.TokenType.BEARER, HASHED + access, issuedAt, expiresAt, accessScopes),
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
                            HASHED + refresh, instant(rs, "refresh_issued_at"), instant(rs, "refresh_expires_at")),
                    metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
        }
        return builder.build();
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

    /** The SHA-256 of a value a client presents. A presented value is always hashed, whatever it looks like. */
    static String hashOf(String presented) {
        return Sha256.hex(presented);
    }

    /** The stored form of a token being saved: the hash it carries when it was read back, or its SHA-256. */
    private static String storedHash(String value) {
        return value.startsWith(HASHED) ? value.substring(HASHED.length()) : hashOf(value);
    }
}
