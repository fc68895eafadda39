package org.devportal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeNameTest {

    @Test
    void api_scopes_and_openid_are_scope_names() {
        assertThat(new ScopeName("vendors:read").isOpenId()).isFalse();
        assertThat(new ScopeName("export-jobs:write").value()).isEqualTo("export-jobs:write");
        assertThat(new ScopeName("openid").isOpenId()).isTrue();
    }

    @Test
    void other_oidc_scopes_and_near_misses_are_refused_with_the_rule() {
        for (String refused :
                new String[] {"profile", "email", "OpenID", "openid ", "vendors", "openid vendors:read", ""}) {
            assertThatThrownBy(() -> new ScopeName(refused))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("resource:read")
                    .hasMessageContaining("openid");
        }
        assertThatThrownBy(() -> new ScopeName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
