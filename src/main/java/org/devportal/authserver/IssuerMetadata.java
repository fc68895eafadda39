package org.devportal.authserver;

import java.util.List;
import java.util.Map;
import org.devportal.clients.ScopeCatalogue;

/**
 * What the issuers' discovery documents (RFC 8414 and OpenID Connect Discovery) promise: only what the issuers
 * actually do. The authorization code grant with refresh tokens, PKCE with S256, {@code client_secret_basic} or
 * no authentication for public clients (at the token and revocation endpoints), {@code iss} in authorization
 * responses, the catalogue's scopes, and open registration in the sandbox only.
 */
final class IssuerMetadata {

    private IssuerMetadata() {}

    static void apply(Map<String, Object> claims, ScopeCatalogue catalogue) {
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
        claims.put(
                "scopes_supported",
                catalogue.available().stream()
                        .map(scope -> scope.name().value())
                        .toList());
        for (String unsupported : List.of(
                "device_authorization_endpoint",
                "pushed_authorization_request_endpoint",
                "dpop_signing_alg_values_supported",
                "tls_client_certificate_bound_access_tokens",
                "userinfo_endpoint",
                "end_session_endpoint",
                "registration_endpoint")) {
            claims.remove(unsupported);
        }
        if (issuer == Issuer.SANDBOX) {
            claims.put("registration_endpoint", issuerUrl + AuthorizationServerConfiguration.REGISTRATION_ENDPOINT);
        }
    }
}
