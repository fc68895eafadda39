package org.devportal.authserver;

import java.util.List;
import java.util.Map;
import org.devportal.clients.ScopeCatalogue;

/**
 * What the issuers' discovery documents (RFC 8414 and OpenID Connect Discovery) promise: only what the issuers
 * actually do. The authorization code grant with refresh tokens, PKCE with S256, {@code client_secret_basic} or
 * no authentication for public clients (at the token and revocation endpoints), {@code iss} in authorization
 * responses, the catalogue's scopes, and registration with an initial access token (named in both of production's documents, and in the sandbox's RFC 8414 one). OpenID Connect: ID tokens signed
 * with RS256 by the key at the JWKS endpoint, one public subject per company or organisation, the user info endpoint,
 * and only the claims the issuers really put in ID tokens and user info. No logout, session management or OpenID
 * Connect dynamic registration, so no endpoint for them.
 */
final class IssuerMetadata {

    /** Every claim of the issuers' ID tokens ({@link IdTokenClaims}) and user info answers. */
    static final List<String> CLAIMS = List.of("iss", "sub", "aud", "azp", "exp", "iat", "jti", "auth_time", "nonce");

    private IssuerMetadata() {}

    /** Which discovery document is being written. */
    enum Document {
        /** RFC 8414, {@code oauth-authorization-server}. */
        OAUTH,
        /** OpenID Connect Discovery 1.0, {@code openid-configuration}. */
        OPENID
    }

    /** The names of the catalogue's available scopes, read for each request: the catalogue is data. */
    static List<String> scopes(ScopeCatalogue catalogue) {
        return catalogue.available().stream().map(scope -> scope.name().value()).toList();
    }

    static void apply(Map<String, Object> claims, List<String> scopes, Document document) {
        Object issuerUrl = claims.get("issuer");
        Issuer issuer =
                Issuer.of(issuerUrl == null ? null : issuerUrl.toString()).orElse(Issuer.PRODUCTION);
        claims.put("grant_types_supported", AuthorizationServerConfiguration.GRANT_TYPES);
        claims.put("response_types_supported", List.of("code"));
        claims.put("response_modes_supported", List.of("query"));
        claims.put("code_challenge_methods_supported", List.of("S256"));
        claims.put(
                "token_endpoint_auth_methods_supported",
                AuthorizationServerConfiguration.CLIENT_AUTHENTICATION_METHODS);
        claims.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        // Public clients revoke their own tokens with their client_id alone (RFC 7009 §5); only confidential
        // clients introspect.
        claims.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
        claims.put("authorization_response_iss_parameter_supported", true);
        claims.put("scopes_supported", scopes);
        for (String unsupported : List.of(
                "device_authorization_endpoint",
                "pushed_authorization_request_endpoint",
                "dpop_signing_alg_values_supported",
                "tls_client_certificate_bound_access_tokens",
                "end_session_endpoint",
                "registration_endpoint",
                "backchannel_logout_supported",
                "frontchannel_logout_supported",
                "request_parameter_supported",
                "request_uri_parameter_supported")) {
            claims.remove(unsupported);
        }
        claims.put("userinfo_endpoint", issuerUrl + AuthorizationServerConfiguration.USERINFO_ENDPOINT);
        claims.put("subject_types_supported", List.of("public"));
        claims.put("id_token_signing_alg_values_supported", List.of("RS256"));
        claims.put("claims_supported", CLAIMS);
        // The sandbox's registration API follows RFC 7591, not OpenID Connect Dynamic Client Registration, whose
        // endpoint openid-configuration's registration_endpoint would name, so the sandbox names it in RFC 8414's
        // document only. Production registration is never open: it takes a team's production initial access token,
        // and both documents name it, so that an OpenID Connect library configured from openid-configuration finds
        // it too; RFC 7591 keeps OpenID Connect registration's request and response, which a Bearer token guards.
        if (document == Document.OAUTH || issuer == Issuer.PRODUCTION) {
            claims.put("registration_endpoint", issuerUrl + AuthorizationServerConfiguration.REGISTRATION_ENDPOINT);
        }
    }
}
