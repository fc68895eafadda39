package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class AuthenticationTimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-03-01T08:00:05Z");

    private static OAuth2AuthenticationToken portalSignIn(Map<String, Object> claims) {
        OidcIdToken idToken = new OidcIdToken("value", ISSUED, ISSUED.plusSeconds(300), claims);
        return new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), idToken), List.of(), "portal");
    }

    @Test
    void the_identity_providers_auth_time_is_when_the_user_authenticated() {
        assertThat(AuthenticationTime.of(portalSignIn(Map.of("sub", "u-1", "auth_time", SIGNED_IN))))
                .contains(SIGNED_IN);
    }

    @Test
    void without_auth_time_the_portal_sign_in_is_when_the_providers_id_token_was_issued() {
        assertThat(AuthenticationTime.of(portalSignIn(Map.of("sub", "u-1", "iat", ISSUED))))
                .contains(ISSUED);
    }

    @Test
    void another_sign_in_tells_it_by_its_latest_factor() {
        var token = UsernamePasswordAuthenticationToken.authenticated(
                "u-1",
                null,
                List.of(
                        FactorGrantedAuthority.withAuthority("FACTOR_PASSWORD")
                                .issuedAt(SIGNED_IN)
                                .build(),
                        FactorGrantedAuthority.withAuthority("FACTOR_OTT")
                                .issuedAt(ISSUED)
                                .build()));
        assertThat(AuthenticationTime.of(token)).contains(ISSUED);
    }

    @Test
    void an_authorization_read_back_from_the_store_knows_no_time() {
        assertThat(AuthenticationTime.of(UsernamePasswordAuthenticationToken.authenticated("u-1", null, List.of())))
                .isEmpty();
        assertThat(AuthenticationTime.of(null)).isEmpty();
    }
}
