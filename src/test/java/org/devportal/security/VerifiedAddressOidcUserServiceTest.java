package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class VerifiedAddressOidcUserServiceTest {

    @Test
    void a_user_whose_provider_verified_the_address_is_signed_in() {
        OidcUser user = user(Map.of("email", "ada@example.com", "email_verified", true));

        assertThat(VerifiedAddressOidcUserService.requireVerifiedAddress(user)).isSameAs(user);
    }

    @Test
    void a_user_whose_provider_says_the_address_is_unverified_is_refused_with_a_code_the_error_page_explains() {
        OidcUser user = user(Map.of("email", "ada@example.com", "email_verified", false));

        assertThatThrownBy(() -> VerifiedAddressOidcUserService.requireVerifiedAddress(user))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(SignInFailure.classify(e)).isEqualTo(SignInFailure.UNVERIFIED);
                    assertThat(e.getError().getDescription()).doesNotContain("ada@example.com");
                });
    }

    @Test
    void a_provider_that_says_nothing_about_verification_is_taken_as_not_having_verified_the_address() {
        OidcUser user = user(Map.of("email", "ada@example.com"));

        assertThatThrownBy(() -> VerifiedAddressOidcUserService.requireVerifiedAddress(user))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void a_user_without_an_address_is_refused_even_with_email_verified_set() {
        OidcUser user = user(Map.of("email_verified", true));

        assertThatThrownBy(() -> VerifiedAddressOidcUserService.requireVerifiedAddress(user))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUser user(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "subject-1");
        OidcIdToken token = new OidcIdToken("id-token", Instant.EPOCH, Instant.EPOCH.plusSeconds(300), Map.copyOf(all));
        return new DefaultOidcUser(List.of(), token);
    }
}
