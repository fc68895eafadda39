package org.devportal.security.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.test.HttpTestClient;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;

/**
 * The identity provider keeps its authorizations in the database, reads them back whole (sign-out finds them by the
 * ID token), and removes them once they have expired.
 */
class IdpAuthorizationStoreIT extends IntegrationTest {

    private static final String PASSWORD = "authorization store passphrase";

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdpAuthorizationCleanup cleanup;

    @Autowired
    InMemoryRegisteredClientRepository registeredClients;

    @Test
    void a_sign_in_is_stored_in_the_database_and_removed_after_its_tokens_expire() {
        String email = "store-" + UUID.randomUUID() + "@example.com";
        accounts.ensureDemoAccount(email, "Stored Sign In", PASSWORD, Set.of(Role.DEVELOPER));
        String account = accounts.findByEmail(email).orElseThrow().getId().toString();
        HttpTestClient http = new HttpTestClient(baseUrl());
        HttpResponse<String> afterForm = http.submitSignIn(email, PASSWORD);
        http.get(HttpTestClient.location(http.get(HttpTestClient.location(afterForm))));
        assertThat(http.get("/clients").statusCode()).isEqualTo(200);
        assertThat(storedFor(account)).isEqualTo(1);
        // Read back as sign-out does, by the ID token: every claim must survive the store's JSON.
        String idToken = jdbc.queryForObject(
                "select oidc_id_token_value from oauth2_authorization where principal_name = ?", String.class, account);
        OAuth2Authorization stored = new JdbcOAuth2AuthorizationService(jdbc, registeredClients)
                .findByToken(idToken, new OAuth2TokenType(OidcParameterNames.ID_TOKEN));
        assertThat(stored).isNotNull();
        assertThat(stored.getPrincipalName()).isEqualTo(account);
        assertThat(stored.getToken(OidcIdToken.class).getClaims()).containsKeys("roles", "session_epoch");

        cleanup.removeExpired(clock.instant(), Duration.ZERO);
        assertThat(storedFor(account)).as("tokens still valid").isEqualTo(1);

        cleanup.removeExpired(clock.instant().plus(Duration.ofHours(1)), Duration.ZERO);
        assertThat(storedFor(account)).isZero();
    }

    private int storedFor(String account) {
        return jdbc.queryForObject(
                "select count(*) from oauth2_authorization where principal_name = ?", Integer.class, account);
    }
}
