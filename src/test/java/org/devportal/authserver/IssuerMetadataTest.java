package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssuerMetadataTest {

    private static Map<String, Object> defaults(String issuer) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("issuer", issuer);
        claims.put("end_session_endpoint", issuer + "/oauth/logout");
        claims.put("userinfo_endpoint", issuer + "/oauth/userinfo");
        claims.put("registration_endpoint", issuer + "/oauth/oidc-register");
        claims.put("pushed_authorization_request_endpoint", issuer + "/oauth/par");
        return claims;
    }

    @Test
    void the_openid_configuration_names_user_info_and_no_logout_or_oidc_registration() {
        Map<String, Object> claims = defaults("https://portal.example.com/sandbox");
        IssuerMetadata.apply(claims, List.of("vendors:read", "openid"), IssuerMetadata.Document.OPENID);
        assertThat(claims)
                .containsEntry("userinfo_endpoint", "https://portal.example.com/sandbox/oauth/userinfo")
                .containsEntry("scopes_supported", List.of("vendors:read", "openid"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .doesNotContainKeys(
                        "end_session_endpoint", "registration_endpoint", "pushed_authorization_request_endpoint");
        assertThat(claims).containsEntry("claims_supported", IssuerMetadata.CLAIMS);
        assertThat(IssuerMetadata.CLAIMS).contains("sub", "auth_time", "nonce", "azp");
    }

    @Test
    void both_issuers_authorization_server_metadata_name_their_registration_api() {
        Map<String, Object> sandbox = defaults("https://portal.example.com/sandbox");
        IssuerMetadata.apply(sandbox, List.of("openid"), IssuerMetadata.Document.OAUTH);
        assertThat(sandbox).containsEntry("registration_endpoint", "https://portal.example.com/sandbox/oauth/register");
        Map<String, Object> production = defaults("https://portal.example.com/production");
        IssuerMetadata.apply(production, List.of("openid"), IssuerMetadata.Document.OAUTH);
        assertThat(production)
                .containsEntry("registration_endpoint", "https://portal.example.com/production/oauth/register")
                .doesNotContainKeys("end_session_endpoint");
        Map<String, Object> productionOpenId = defaults("https://portal.example.com/production");
        IssuerMetadata.apply(productionOpenId, List.of("openid"), IssuerMetadata.Document.OPENID);
        assertThat(productionOpenId)
                .containsEntry("registration_endpoint", "https://portal.example.com/production/oauth/register");
    }
}
