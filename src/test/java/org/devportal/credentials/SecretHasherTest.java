package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    static final byte[] KEY = key(1);

    private final SecretHasher hasher = new SecretHasher(KEY);

    @Test
    void keys_shorter_than_32_bytes_are_rejected() {
        assertThatThrownBy(() -> new SecretHasher(key(1, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The key for hashing client secrets must be at least 32 bytes long");
        assertThatThrownBy(() -> new SecretHasher(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretHasher(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecretHasher(key(1, 32))).isNotNull();
        assertThat(new SecretHasher(key(1, 100))).isNotNull();
    }

    @Test
    void the_hash_is_the_hmac_sha256_of_the_whole_secret_under_the_key() throws Exception {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.PRODUCTION);

        assertThat(hasher.hash(secret).bytes()).isEqualTo(hmac(KEY, secret.value()));
    }

    @Test
    void hashing_is_deterministic_for_one_key() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.PRODUCTION);

        assertThat(hasher.hash(secret)).isEqualTo(hasher.hash(secret)).isEqualTo(new SecretHasher(KEY).hash(secret));
    }

    @Test
    void another_key_gives_another_hash() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.PRODUCTION);

        assertThat(new SecretHasher(key(2)).hash(secret)).isNotEqualTo(hasher.hash(secret));
    }

    @Test
    void a_secret_matches_its_own_hash_and_no_other() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.SANDBOX);
        ClientSecret other = ClientSecret.generate(SecretEnvironment.SANDBOX);
        SecretHash stored = hasher.hash(secret);

        assertThat(hasher.matches(secret, stored)).isTrue();
        assertThat(hasher.matches(secret.value(), stored)).isTrue();
        assertThat(hasher.matches(other, stored)).isFalse();
        assertThat(hasher.matches(other.value(), stored)).isFalse();
    }

    @Test
    void a_malformed_secret_is_refused_without_hashing_even_if_its_hash_would_match() throws Exception {
        String secret = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();
        List<String> malformed = List.of(
                secret.substring(0, 20) + (secret.charAt(20) == 'a' ? 'b' : 'a') + secret.substring(21),
                "ghp_" + secret.substring(4),
                secret.substring(1),
                secret.substring(0, 54) + "-",
                "");

        for (String presented : malformed) {
            // Had the string been hashed, it would match: the stored hash is exactly its HMAC.
            SecretHash hashOfPresented = new SecretHash(hmac(KEY, presented));
            assertThat(hasher.matches(presented, hashOfPresented)).as(presented).isFalse();
        }
        assertThat(hasher.matches((String) null, new SecretHash(hmac(KEY, "")))).isFalse();
    }

    @Test
    void hashing_gives_the_same_results_from_many_threads_at_once() {
        List<ClientSecret> secrets = IntStream.range(0, 64)
                .mapToObj(i -> ClientSecret.generate(SecretEnvironment.PRODUCTION))
                .toList();
        List<SecretHash> expected = secrets.stream().map(hasher::hash).toList();

        List<Boolean> results = IntStream.range(0, 20_000)
                .parallel()
                .mapToObj(i -> hasher.matches(secrets.get(i % 64), expected.get(i % 64))
                        && !hasher.matches(secrets.get(i % 64), expected.get((i + 1) % 64)))
                .toList();

        assertThat(results).containsOnly(true);
    }

    @Test
    void to_string_does_not_show_the_key() {
        assertThat(hasher.toString()).isEqualTo("SecretHasher[HMAC-SHA-256]");
    }

    static byte[] key(int seed) {
        return key(seed, 32);
    }

    private static byte[] key(int seed, int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) seed);
        key[0] = (byte) (seed * 7 + 1);
        return key;
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
