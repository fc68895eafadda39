package org.devportal.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import org.devportal.base.Base62;
import org.devportal.base.Sha256;

/**
 * The plaintext of a bearer token of the registration API. It exists only while a token is issued (to be shown
 * or returned once) or presented (to be checked); only its SHA-256 is stored. {@link #toString()} is redacted, so
 * that a token cannot end up in a log or an exception message by accident.
 *
 * <h2>Format</h2>
 * <pre>
 *   dpiat_  | 43 characters [0-9A-Za-z]
 *   prefix  | random body
 * </pre>
 * <ul>
 *   <li><b>prefix</b>: {@code dpiat_} for an initial access token (RFC 7591 §3: lets automation register clients in
 *       one team), {@code dprat_} for a registration access token (RFC 7592: lets the registrant manage one client).
 *       The prefix makes a leaked token recognisable and stops one kind being used as the other.</li>
 *   <li><b>body</b>: 43 characters of base62, each drawn uniformly by {@link SecureRandom}:
 *       43 &times; log<sub>2</sub>62 &asymp; 256.03 bits, as for client secrets.</li>
 * </ul>
 * A plain SHA-256 is enough for storage: unlike a password, a 256-bit random token cannot be guessed from its
 * hash, so a slow or keyed hash would add nothing.
 */
public final class RegistrationToken {

    public static final int BODY_LENGTH = 43;
    public static final int PREFIX_LENGTH = 6;
    public static final int LENGTH = PREFIX_LENGTH + BODY_LENGTH;

    private static final int HINT_LENGTH = 4;

    /** The two kinds of token, each with its own prefix. */
    public enum Kind {
        INITIAL_ACCESS("dpiat_", "initial access token"),
        REGISTRATION_ACCESS("dprat_", "registration access token");

        private final String prefix;
        private final String label;

        Kind(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        public String prefix() {
            return prefix;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final String value;

    private RegistrationToken(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /** A new random token of the given kind. */
    public static RegistrationToken generate(Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return new RegistrationToken(
                kind,
                Base62.appendRandom(new StringBuilder(LENGTH).append(kind.prefix()), BODY_LENGTH)
                        .toString());
    }

    /**
     * The token, if {@code presented} is a well-formed token of the expected kind: right length, right prefix,
     * base62 body. Anything else is refused before it is hashed or looked up.
     */
    public static Optional<RegistrationToken> parse(Kind kind, String presented) {
        if (presented == null
                || presented.length() != LENGTH
                || !presented.startsWith(kind.prefix())
                || !Base62.isBase62(presented, PREFIX_LENGTH)) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationToken(kind, presented));
    }

    public Kind kind() {
        return kind;
    }

    /** The plaintext. Show or return it once, hash it, and drop it; never log it. */
    public String value() {
        return value;
    }

    /** The stored form: SHA-256 of the ASCII bytes, as 64 lower-case hexadecimal digits. */
    public String hash() {
        return Sha256.hex(value);
    }

    /**
     * Enough to recognise the token in a list, e.g. {@code dpiat_Ab3x…}: the prefix and the first 4 characters of
     * the body. That gives away 24 of its 256 bits.
     */
    public String displayHint() {
        return value.substring(0, PREFIX_LENGTH + HINT_LENGTH) + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationToken that
                && kind == that.kind
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "RegistrationToken[" + displayHint() + "]";
    }
}
