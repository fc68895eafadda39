package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SigningKeysIT extends IntegrationTest {

    private static final String SECRET = "a-server-secret-for-this-test";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void every_node_publishes_the_key_the_first_one_stored() throws Exception {
        String slot = "race-" + UUID.randomUUID().toString().substring(0, 8);
        int nodes = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JWKSet>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
            for (int i = 0; i < nodes; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return new SigningKeys(jdbc, slot, SECRET, Clock.systemUTC()).keys();
                }));
            }
            start.countDown();
            List<String> kids = new ArrayList<>();
            for (Future<JWKSet> result : results) {
                JWKSet keys = result.get();
                assertThat(keys.getKeys()).hasSize(1);
                assertThat(keys.getKeys().getFirst().isPrivate()).isTrue();
                kids.add(keys.getKeys().getFirst().getKeyID());
            }
            assertThat(kids).hasSize(nodes).containsOnly(kids.getFirst());
        }
        assertThat(jdbc.queryForObject("select count(*) from signing_key where slot = ?", Integer.class, slot))
                .isOne();
    }

    @Test
    void the_private_key_is_stored_encrypted() {
        String slot = "enc-" + UUID.randomUUID().toString().substring(0, 8);
        RSAKey key = (RSAKey) new SigningKeys(jdbc, slot, SECRET, Clock.systemUTC())
                .keys()
                .getKeys()
                .getFirst();
        String stored = jdbc.queryForObject("select encrypted_jwk from signing_key where slot = ?", String.class, slot);
        assertThat(stored)
                .matches("[0-9a-f]+")
                .doesNotContain(key.getPrivateExponent().toString())
                .doesNotContain(key.getModulus().toString());
    }

    @Test
    void a_node_with_another_server_secret_refuses_to_start_signing() {
        String slot = "other-" + UUID.randomUUID().toString().substring(0, 8);
        new SigningKeys(jdbc, slot, SECRET, Clock.systemUTC()).keys();

        assertThatThrownBy(() -> new SigningKeys(jdbc, slot, "another-secret", Clock.systemUTC()).keys())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_CREDENTIALS_HMAC_KEY");
    }

    @Test
    void the_issuers_publish_a_stored_key_of_their_own() throws Exception {
        HttpResponse<String> jwks;
        try (HttpClient http = HttpClient.newHttpClient()) {
            jwks = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/oauth/jwks"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(jwks.statusCode()).isEqualTo(200);
        String issuers =
                jdbc.queryForObject("select kid from signing_key where slot = ?", String.class, SigningKeyRing.ISSUERS);
        assertThat(JWKSet.parse(jwks.body()).getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactly(issuers);
        assertThat(jdbc.queryForObject(
                        "select count(*) from signing_key where slot = ? and kid = ?",
                        Integer.class,
                        SigningKeyRing.IDENTITY_PROVIDER,
                        issuers))
                .as("the identity provider's key is another one")
                .isZero();
    }

    @Test
    void the_identity_provider_publishes_the_stored_key() throws Exception {
        HttpResponse<String> jwks;
        try (HttpClient http = HttpClient.newHttpClient()) {
            jwks = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/idp/oauth2/jwks"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(jwks.statusCode()).isEqualTo(200);
        // The first request that needs the key stores it, if nothing has been signed before.
        String kid = jdbc.queryForObject(
                "select kid from signing_key where slot = ?", String.class, SigningKeyRing.IDENTITY_PROVIDER);
        JWKSet published = JWKSet.parse(jwks.body());
        assertThat(published.getKeys()).extracting(k -> k.getKeyID()).containsExactly(kid);
        assertThat(published.getKeys().getFirst().isPrivate()).isFalse();
    }
}
