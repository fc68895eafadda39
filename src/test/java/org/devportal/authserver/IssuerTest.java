package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/sandbox/anything/oauth/token",
                "/sandbox/a/b/oauth/token",
                "/production/x/oauth/introspect",
                "/sandbox/x/oauth",
                "/sandbox/x/.well-known/openid-configuration",
                "/.well-known/oauth-authorization-server/sandbox/x",
                "/.well-known/openid-configuration/production/x"
            })
    void a_path_below_something_that_is_no_issuer_is_stray(String path) {
        assertThat(Issuer.isStrayEndpointPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/sandbox/oauth/token",
                "/production/oauth/authorize",
                "/sandbox/oauth/register/6f1c2a3e-0000-4000-8000-000000000000",
                "/sandbox/.well-known/openid-configuration",
                "/production/.well-known/oauth-authorization-server",
                "/.well-known/oauth-authorization-server/sandbox",
                "/.well-known/oauth-authorization-server/idp",
                "/idp/.well-known/openid-configuration",
                "/sandbox/api/v1/vendors",
                "/clients/oauth-things"
            })
    void an_issuers_own_paths_and_everything_else_are_not(String path) {
        assertThat(Issuer.isStrayEndpointPath(path)).isFalse();
    }
}
