package org.devportal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void hashes_with_the_same_bytes_are_equal_whatever_array_holds_them() {
        byte[] bytes = bytes(7);

        SecretHash one = new SecretHash(bytes);
        SecretHash other = new SecretHash(bytes.clone());

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void a_difference_in_any_byte_makes_hashes_unequal() {
        SecretHash hash = new SecretHash(bytes(7));

        for (int i = 0; i < SecretHash.LENGTH; i++) {
            byte[] changed = bytes(7);
            changed[i] ^= 0x01;
            assertThat(new SecretHash(changed)).as("byte %d", i).isNotEqualTo(hash);
        }
        assertThat(hash).isNotEqualTo(null).isNotEqualTo(bytes(7));
    }

    @Test
    void equality_agrees_with_the_constant_time_comparison() {
        // equals() goes through MessageDigest.isEqual, so it must give the same answers as it does.
        byte[] first = bytes(1);
        byte[] last = bytes(1);
        last[SecretHash.LENGTH - 1]++;

        assertThat(new SecretHash(first).equals(new SecretHash(bytes(1))))
                .isEqualTo(MessageDigest.isEqual(first, bytes(1)))
                .isTrue();
        assertThat(new SecretHash(first).equals(new SecretHash(last)))
                .isEqualTo(MessageDigest.isEqual(first, last))
                .isFalse();
    }

    @Test
    void the_hash_cannot_be_changed_from_outside() {
        byte[] bytes = bytes(3);
        SecretHash hash = new SecretHash(bytes);

        bytes[0]++;
        hash.bytes()[1]++;

        assertThat(hash.bytes()).isEqualTo(bytes(3));
    }

    @Test
    void a_hash_is_stored_as_64_hex_digits_and_read_back() {
        SecretHash hash = new SecretHash(bytes(200));

        assertThat(hash.toHex()).hasSize(64).matches("[0-9a-f]+");
        assertThat(SecretHash.ofHex(hash.toHex())).isEqualTo(hash);
    }

    @Test
    void a_hash_of_the_wrong_size_or_alphabet_is_rejected() {
        assertThatThrownBy(() -> new SecretHash(new byte[31])).hasMessage("A secret hash is 32 bytes long");
        assertThatThrownBy(() -> new SecretHash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretHash.ofHex("ab")).hasMessage("A secret hash is 64 hexadecimal digits long");
        assertThatThrownBy(() -> SecretHash.ofHex("g".repeat(64)))
                .hasMessage("A secret hash contains only hexadecimal digits");
    }

    @Test
    void to_string_does_not_show_the_hash() {
        SecretHash hash = new SecretHash(bytes(9));

        assertThat(hash.toString())
                .isEqualTo("SecretHash[HMAC-SHA-256]")
                .doesNotContain(hash.toHex().substring(0, 8));
    }

    private static byte[] bytes(int seed) {
        byte[] bytes = new byte[SecretHash.LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed + 31 * i);
        }
        return bytes;
    }
}
