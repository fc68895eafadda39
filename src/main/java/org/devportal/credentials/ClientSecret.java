package org.devportal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.devportal.base.Base62;

/**
 * The plaintext of a client secret. It exists only while a secret is generated (to be shown once) or presented
 * (to be checked); only its {@link SecretHash} is stored. {@link #toString()} is redacted, so that a secret
 * cannot end up in a log by accident.
 *
 * <h2>Format</h2>
 * <pre>
 *   dpprd_  | 43 characters [0-9A-Za-z] | 6 characters [0-9A-Za-z]
 *   prefix  | random body               | checksum
 * </pre>
 * <ul>
 *   <li><b>prefix</b>: {@code dpsbx_} for sandbox, {@code dpprd_} for production (see {@link SecretEnvironment}).</li>
 *   <li><b>body</b>: 43 characters of base62 ({@code 0-9A-Za-z}), each drawn uniformly by {@link SecureRandom}:
 *       43 &times; log<sub>2</sub>62 &asymp; 256.03 bits.</li>
 *   <li><b>checksum</b>: CRC-32 (as in {@link CRC32}) of the ASCII bytes of prefix and body, as an unsigned number
 *       in base62, most significant digit first, left-padded with {@code 0} to 6 characters.</li>
 * </ul>
 * A secret is 55 characters long and matches {@code dp(sbx|prd)_[0-9A-Za-z]{49}}; with the checksum a leak
 * scanner can tell a real secret from a random string that happens to match. Base62 rather than base64url so
 * that a double click selects the whole secret and nothing in it needs escaping in a URL, a form body
 * (RFC 6749 §2.3.1) or a shell.
 */
public final class ClientSecret {

    public static final int BODY_LENGTH = 43;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = SecretEnvironment.PREFIX_LENGTH + BODY_LENGTH + CHECKSUM_LENGTH;

    static final String ALPHABET = Base62.ALPHABET;

    private static final int CHECKED_LENGTH = LENGTH - CHECKSUM_LENGTH;
    private static final int HINT_LENGTH = 4;

    /** Why a presented string is not a client secret. The messages never repeat the string. */
    public enum Defect {
        MISSING("No client secret was given"),
        WRONG_LENGTH("A client secret is " + LENGTH + " characters long"),
        UNKNOWN_PREFIX("A client secret starts with " + SecretEnvironment.SANDBOX.secretPrefix() + " or "
                + SecretEnvironment.PRODUCTION.secretPrefix()),
        BAD_CHARACTERS("After its prefix, a client secret contains only letters A-Z, a-z and digits"),
        BAD_CHECKSUM("The client secret is mistyped: its checksum does not match; copy it again");

        private final String message;

        Defect(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final String value;
    private final SecretEnvironment environment;

    private ClientSecret(String value, SecretEnvironment environment) {
        this.value = value;
        this.environment = environment;
    }

    /** A new random secret for {@code environment}. */
    public static ClientSecret generate(SecretEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        StringBuilder secret = new StringBuilder(LENGTH).append(environment.secretPrefix());
        Base62.appendRandom(secret, BODY_LENGTH);
        secret.append(checksum(secret));
        return new ClientSecret(secret.toString(), environment);
    }

    /**
     * The secret, if {@code presented} is well-formed: right length, known prefix, base62 alphabet and a matching
     * checksum. A mistyped or made-up string is rejected here, before anything is looked up or hashed.
     */
    public static Optional<ClientSecret> parse(String presented) {
        if (findDefect(presented).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ClientSecret(presented, SecretEnvironment.ofPrefix(presented)));
    }

    /** What is wrong with {@code presented}, checking the cheapest rule first; empty if it is a well-formed secret. */
    public static Optional<Defect> findDefect(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.of(Defect.MISSING);
        }
        if (presented.length() != LENGTH) {
            return Optional.of(Defect.WRONG_LENGTH);
        }
        if (SecretEnvironment.ofPrefix(presented) == null) {
            return Optional.of(Defect.UNKNOWN_PREFIX);
        }
        if (!Base62.isBase62(presented, SecretEnvironment.PREFIX_LENGTH)) {
            return Optional.of(Defect.BAD_CHARACTERS);
        }
        // The checksum protects against typos, not attackers, so it needs no constant-time comparison.
        String expected = checksum(presented.subSequence(0, CHECKED_LENGTH));
        if (!presented.regionMatches(CHECKED_LENGTH, expected, 0, CHECKSUM_LENGTH)) {
            return Optional.of(Defect.BAD_CHECKSUM);
        }
        return Optional.empty();
    }

    public SecretEnvironment environment() {
        return environment;
    }

    /** The plaintext. Show it to the user once, hash it, and drop it; never log it. */
    public String value() {
        return value;
    }

    /** Enough to recognise the secret in a list, e.g. {@code dpprd_…x9Ab}: the prefix and the last 4 characters. */
    public String displayHint() {
        return environment.secretPrefix() + "…" + value.substring(LENGTH - HINT_LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSecret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ClientSecret[" + displayHint() + "]";
    }

    static String checksum(CharSequence prefixAndBody) {
        CRC32 crc = new CRC32();
        crc.update(prefixAndBody.toString().getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), CHECKSUM_LENGTH);
    }

    /** {@code value} in base62, left-padded with zeros to {@code width}; 62^6 > 2^32, so a CRC-32 always fits. */
    private static String base62(long value, int width) {
        char[] digits = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(digits);
    }
}
