package org.devportal.credentials;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The stored form of a client secret: its HMAC-SHA-256 under the server's key (see {@link SecretHasher}).
 * Two hashes compare in constant time, so that the time a failed check takes says nothing about how many
 * leading bytes matched.
 */
public record SecretHash(byte[] bytes) {

    /** HMAC-SHA-256 produces 32 bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    public SecretHash {
        if (bytes == null) {
            throw new IllegalArgumentException("A secret hash is required");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("A secret hash is " + LENGTH + " bytes long");
        }
        bytes = bytes.clone();
    }

    /** A hash from its 64 hexadecimal digits, as {@link #toHex()} writes them. */
    public static SecretHash ofHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("A secret hash is " + 2 * LENGTH + " hexadecimal digits long");
        }
        try {
            return new SecretHash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A secret hash contains only hexadecimal digits");
        }
    }

    /** A copy, so that the hash cannot be changed from outside. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** Constant-time: {@link MessageDigest#isEqual} looks at every byte whether or not an earlier one differs. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Redacted: a hash is not the secret, but it has no business in a log either. */
    @Override
    public String toString() {
        return "SecretHash[HMAC-SHA-256]";
    }
}
