package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.devportal.credentials.ClientSecret.Defect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSecretTest {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void sandbox_and_production_secrets_carry_their_own_prefix() {
        assertThat(ClientSecret.generate(SecretEnvironment.SANDBOX).value()).startsWith("dpsbx_");
        assertThat(ClientSecret.generate(SecretEnvironment.PRODUCTION).value()).startsWith("dpprd_");
    }

    @ParameterizedTest
    @EnumSource(SecretEnvironment.class)
    void a_secret_is_the_prefix_then_43_base62_characters_then_a_6_character_checksum(SecretEnvironment environment) {
        ClientSecret secret = ClientSecret.generate(environment);

        assertThat(secret.value())
                .hasSize(55)
                .matches("dp(sbx|prd)_[0-9A-Za-z]{43}[0-9A-Za-z]{6}")
                .endsWith(ClientSecret.checksum(secret.value().substring(0, 49)));
        assertThat(secret.environment()).isEqualTo(environment);
    }

    @Test
    void the_random_part_carries_at_least_256_bits() {
        double bits = ClientSecret.BODY_LENGTH * Math.log(62) / Math.log(2);
        assertThat(bits).isGreaterThanOrEqualTo(256);

        Set<String> bodies = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String body =
                    ClientSecret.generate(SecretEnvironment.PRODUCTION).value().substring(6, 49);
            bodies.add(body);
            body.chars().forEach(c -> seen.add((char) c));
        }
        // Every character of the alphabet turns up (each is expected about 690 times), and nothing repeats.
        assertThat(bodies).hasSize(1000);
        assertThat(seen).hasSize(62);
    }

    @Test
    void a_generated_secret_parses_back_to_an_equal_secret() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.SANDBOX);

        assertThat(ClientSecret.parse(secret.value())).contains(secret);
        assertThat(ClientSecret.parse(secret.value()).orElseThrow().environment())
                .isEqualTo(SecretEnvironment.SANDBOX);
        assertThat(ClientSecret.findDefect(secret.value())).isEmpty();
    }

    @Test
    void the_checksum_catches_every_one_character_typo() {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();

        for (int i = 0; i < value.length(); i++) {
            for (char c : BASE62.toCharArray()) {
                if (c != value.charAt(i)) {
                    String typo = value.substring(0, i) + c + value.substring(i + 1);
                    assertThat(ClientSecret.parse(typo)).as("typo at %d", i).isEmpty();
                }
            }
        }
    }

    @Test
    void the_checksum_catches_every_swapped_pair_of_neighbours() {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();

        for (int i = 0; i + 1 < value.length(); i++) {
            if (value.charAt(i) != value.charAt(i + 1)) {
                String swapped = value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
                assertThat(ClientSecret.parse(swapped)).as("swap at %d", i).isEmpty();
            }
        }
    }

    @Test
    void a_mistyped_body_is_reported_as_a_bad_checksum() {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();
        char other = value.charAt(20) == 'a' ? 'b' : 'a';

        assertThat(ClientSecret.findDefect(value.substring(0, 20) + other + value.substring(21)))
                .contains(Defect.BAD_CHECKSUM);
    }

    @Test
    void the_checksum_covers_the_prefix_so_a_secret_cannot_move_to_the_other_environment() {
        String sandbox = ClientSecret.generate(SecretEnvironment.SANDBOX).value();

        assertThat(ClientSecret.findDefect("dpprd_" + sandbox.substring(6))).contains(Defect.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_", "dpxxx_", "DPPRD_", "dpprd-", "xdpprd"})
    void an_unknown_prefix_is_rejected(String prefix) {
        String value = withValidChecksum(prefix
                + ClientSecret.generate(SecretEnvironment.PRODUCTION).value().substring(prefix.length(), 49));

        assertThat(ClientSecret.findDefect(value)).contains(Defect.UNKNOWN_PREFIX);
        assertThat(ClientSecret.parse(value)).isEmpty();
    }

    @Test
    void a_secret_of_the_wrong_length_is_rejected() {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();

        assertThat(ClientSecret.findDefect(value.substring(1))).contains(Defect.WRONG_LENGTH);
        assertThat(ClientSecret.findDefect(value + "0")).contains(Defect.WRONG_LENGTH);
        assertThat(ClientSecret.findDefect(value + "\n")).contains(Defect.WRONG_LENGTH);
        assertThat(ClientSecret.findDefect(" " + value)).contains(Defect.WRONG_LENGTH);
        assertThat(ClientSecret.findDefect("dpprd_")).contains(Defect.WRONG_LENGTH);
    }

    @Test
    void a_missing_secret_is_rejected() {
        assertThat(ClientSecret.findDefect(null)).contains(Defect.MISSING);
        assertThat(ClientSecret.findDefect("")).contains(Defect.MISSING);
        assertThat(ClientSecret.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'-', '_', '+', '/', '=', ' ', '.', 'é', 'Ⅸ', '٣'})
    void characters_outside_base62_are_rejected_before_the_checksum_is_computed(char bad) {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();

        for (int i : new int[] {6, 30, 48, 49, 54}) {
            String withBad = value.substring(0, i) + bad + value.substring(i + 1);
            assertThat(ClientSecret.findDefect(withBad)).as("at %d", i).contains(Defect.BAD_CHARACTERS);
        }
    }

    @Test
    void the_cheapest_check_decides_when_several_fail() {
        // Wrong length and bad characters and no prefix: the length is checked first.
        assertThat(ClientSecret.findDefect("not a secret")).contains(Defect.WRONG_LENGTH);
        // Right length, unknown prefix and bad characters: the prefix is checked before the alphabet.
        assertThat(ClientSecret.findDefect("x".repeat(6) + "-".repeat(49))).contains(Defect.UNKNOWN_PREFIX);
    }

    @Test
    void the_display_hint_is_the_prefix_and_the_last_four_characters() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.PRODUCTION);

        assertThat(secret.displayHint()).isEqualTo("dpprd_…" + secret.value().substring(51));
    }

    @Test
    void to_string_shows_only_the_hint_never_the_secret() {
        ClientSecret secret = ClientSecret.generate(SecretEnvironment.SANDBOX);

        assertThat(secret.toString())
                .isEqualTo("ClientSecret[" + secret.displayHint() + "]")
                .doesNotContain(secret.value())
                .doesNotContain(secret.value().substring(6, 49))
                .doesNotContain(secret.value().substring(49));
    }

    @Test
    void defect_messages_never_repeat_what_was_presented() {
        String value = ClientSecret.generate(SecretEnvironment.PRODUCTION).value();
        String mistyped = value.substring(0, 10) + (value.charAt(10) == 'a' ? 'b' : 'a') + value.substring(11);

        assertThat(ClientSecret.findDefect(mistyped).orElseThrow().message())
                .isEqualTo("The client secret is mistyped: its checksum does not match; copy it again")
                .doesNotContain(mistyped.substring(6, 20));
        assertThat(Defect.values())
                .extracting(Defect::message)
                .allSatisfy(message -> assertThat(message).doesNotContainPattern("[0-9A-Za-z]{12}"));
    }

    @Test
    void secrets_compare_by_value() {
        ClientSecret one = ClientSecret.generate(SecretEnvironment.PRODUCTION);
        ClientSecret other = ClientSecret.generate(SecretEnvironment.PRODUCTION);

        assertThat(ClientSecret.parse(one.value()).orElseThrow()).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(one).isNotEqualTo(other);
        assertThat(IntStream.range(0, 100)
                        .mapToObj(i -> ClientSecret.generate(SecretEnvironment.SANDBOX))
                        .distinct())
                .hasSize(100);
    }

    private static String withValidChecksum(String prefixAndBody) {
        return prefixAndBody + ClientSecret.checksum(prefixAndBody);
    }
}
