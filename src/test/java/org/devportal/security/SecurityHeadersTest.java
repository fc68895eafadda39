package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void the_consent_page_may_post_its_form_to_itself_and_on_to_https_and_the_loopback_hosts_csp_can_name() {
        assertThat(SecurityHeaders.CONSENT_CONTENT_SECURITY_POLICY)
                .contains("form-action 'self' https: http://localhost:* http://127.0.0.1:*;");
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("form-action 'self';");
    }

    @Test
    void the_consent_form_may_reach_what_its_form_action_lists() {
        assertThat(SecurityHeaders.consentFormMayReach("https://app.example.com/cb?code=x"))
                .isTrue();
        assertThat(SecurityHeaders.consentFormMayReach("http://localhost:3000/cb"))
                .isTrue();
        assertThat(SecurityHeaders.consentFormMayReach("http://localhost/cb")).isTrue();
        assertThat(SecurityHeaders.consentFormMayReach("http://127.0.0.1:53123/cb?code=x"))
                .isTrue();
    }

    @Test
    void the_consent_form_cannot_reach_ipv6_loopback_or_other_http_hosts_through_a_redirect() {
        assertThat(SecurityHeaders.consentFormMayReach("http://[::1]:53123/cb?code=x"))
                .isFalse();
        assertThat(SecurityHeaders.consentFormMayReach("http://localhost.evil.example/cb"))
                .isFalse();
        assertThat(SecurityHeaders.consentFormMayReach("http://127.0.0.10/cb")).isFalse();
        assertThat(SecurityHeaders.consentFormMayReach("http://app.example.com/cb"))
                .isFalse();
        assertThat(SecurityHeaders.consentFormMayReach("javascript:alert(1)")).isFalse();
    }
}
