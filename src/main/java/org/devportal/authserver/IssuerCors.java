package org.devportal.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.clients.ClientDirectory;
import org.devportal.clients.ClientSnapshot;
import org.devportal.clients.ClientType;
import org.devportal.clients.redirecturi.WebOrigin;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * Which browser pages may read the issuers' answers (CORS), for Spring's {@code CorsFilter}.
 *
 * <ul>
 *   <li>The discovery documents and the JWKS are public and carry nothing personal: any origin may read them,
 *       without credentials ({@code Access-Control-Allow-Origin: *}).</li>
 *   <li>The token and revocation endpoints answer the origins of public clients only: single-page apps, which
 *       authenticate with their {@code client_id} alone. A client's origins are those of its redirect URIs
 *       ({@link WebOrigin}); there is no separate list to keep in step. A confidential client keeps its secret on a
 *       server and calls from there, so its origins get no CORS. Credentials (cookies) are never allowed.</li>
 *   <li>A preflight names no client, so it is allowed for an origin that some public client of that issuer has
 *       registered. The request itself is answered with {@code Access-Control-Allow-Origin} only when its origin
 *       belongs to the client its {@code client_id} names, which for a public client is the client that
 *       authenticates. Any other origin gets no CORS headers at all, and a preflight is answered without a redirect
 *       whatever its origin.</li>
 *   <li>The user info endpoint, likewise, answers the origins of the public client whose access token the request
 *       carries, for GET and POST with an {@code Authorization} header; its {@code WWW-Authenticate} challenge is
 *       readable, so that a single-page app can tell an expired token from a missing scope.</li>
 * </ul>
 *
 * A preflight alone protects nothing here: a form-encoded POST needs none. What keeps another site from reading
 * tokens is the missing {@code Access-Control-Allow-Origin} on the answer to the request itself.
 */
final class IssuerCors implements CorsConfigurationSource {

    /** Preflights to the issuers' endpoints, which the authorization server's own matcher does not cover. */
    static final RequestMatcher PREFLIGHTS = CorsUtils::isPreFlightRequest;

    private static final List<String> CLIENT_ENDPOINTS = List.of("/oauth/token", "/oauth/revoke");
    private static final List<String> PUBLIC_DOCUMENTS = List.of(
            AuthorizationServerConfiguration.JWKS_ENDPOINT,
            "/.well-known/openid-configuration",
            AuthorizationServerConfiguration.METADATA);

    private static final CorsConfiguration PUBLIC_DOCUMENT = publicDocument();

    private final ClientDirectory directory;
    private final AuthorizationStore store;
    private final UserInfoEndpoint userInfo;

    IssuerCors(ClientDirectory directory, AuthorizationStore store, UserInfoEndpoint userInfo) {
        this.directory = directory;
        this.store = store;
        this.userInfo = userInfo;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String path = request.getRequestURI();
        for (Issuer issuer : Issuer.values()) {
            if (path.equals(AuthorizationServerConfiguration.METADATA + issuer.path())
                    || PUBLIC_DOCUMENTS.stream().anyMatch(document -> path.equals(issuer.path() + document))) {
                return PUBLIC_DOCUMENT;
            }
            if (CLIENT_ENDPOINTS.stream().anyMatch(endpoint -> path.equals(issuer.path() + endpoint))) {
                return WebOrigin.parse(request.getHeader("Origin"))
                        .filter(origin -> CorsUtils.isPreFlightRequest(request)
                                ? directory.anyPublicClientHasOrigin(issuer.environment(), origin)
                                : isOriginOfNamedPublicClient(issuer, origin, request.getParameter("client_id")))
                        .map(IssuerCors::clientEndpoint)
                        .orElse(null);
            }
            if (path.equals(issuer.path() + AuthorizationServerConfiguration.USERINFO_ENDPOINT)) {
                return WebOrigin.parse(request.getHeader("Origin"))
                        .filter(origin -> CorsUtils.isPreFlightRequest(request)
                                ? directory.anyPublicClientHasOrigin(issuer.environment(), origin)
                                : isOriginOfNamedPublicClient(issuer, origin, clientOfBearerToken(issuer, request)))
                        .map(IssuerCors::userInfoEndpoint)
                        .orElse(null);
            }
        }
        return null;
    }

    /** The client ID of the active access token of this issuer that a user info request carries, if any. */
    private String clientOfBearerToken(Issuer issuer, HttpServletRequest request) {
        Optional<String> token;
        try {
            token = userInfo.bearerToken(request);
        } catch (RuntimeException malformed) {
            return null; // the endpoint itself explains; without CORS headers the page cannot read why
        }
        return token.flatMap(store::activeAccessToken)
                .filter(active -> active.issuer() == issuer)
                .map(AuthorizationStore.ActiveToken::clientId)
                .orElse(null);
    }

    private boolean isOriginOfNamedPublicClient(Issuer issuer, WebOrigin origin, String clientId) {
        Optional<UUID> id = uuid(clientId);
        if (id.isEmpty()) {
            return false;
        }
        Optional<ClientSnapshot> client = switch (issuer) {
            case SANDBOX -> directory.bySandboxClientId(id.get()).map(details -> details.snapshot());
            case PRODUCTION -> directory.byProductionClientId(id.get()).map(production -> production.approved());
        };
        return client.filter(snapshot -> snapshot.clientType() == ClientType.PUBLIC)
                .map(snapshot -> snapshot.redirectUris().stream().anyMatch(origin::isOriginOf))
                .orElse(false);
    }

    private static CorsConfiguration clientEndpoint(WebOrigin origin) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.addAllowedOrigin(origin.value());
        configuration.addAllowedMethod(HttpMethod.POST);
        configuration.addAllowedHeader("Content-Type");
        configuration.addAllowedHeader("Accept");
        // Added by many browser HTTP libraries; it forces a preflight, which is allowed like the request itself.
        configuration.addAllowedHeader("X-Requested-With");
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(600L);
        return configuration;
    }

    private static CorsConfiguration userInfoEndpoint(WebOrigin origin) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.addAllowedOrigin(origin.value());
        configuration.addAllowedMethod(HttpMethod.GET);
        configuration.addAllowedMethod(HttpMethod.POST);
        configuration.addAllowedHeader("Authorization");
        configuration.addAllowedHeader("Content-Type");
        configuration.addAllowedHeader("Accept");
        configuration.addAllowedHeader("X-Requested-With");
        configuration.addExposedHeader("WWW-Authenticate");
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(600L);
        return configuration;
    }

    private static CorsConfiguration publicDocument() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.addAllowedOrigin(CorsConfiguration.ALL);
        configuration.addAllowedMethod(HttpMethod.GET);
        configuration.addAllowedMethod(HttpMethod.HEAD);
        configuration.addAllowedHeader(CorsConfiguration.ALL);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(3600L);
        return configuration;
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
