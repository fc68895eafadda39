package org.devportal.flowtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636): a verifier of 43 characters from 256 random bits, and its S256 challenge,
 * {@code BASE64URL(SHA256(verifier))}.
 */
public record Pkce(String verifier, String challenge) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Pkce {
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new IllegalArgumentException("A code verifier has 43 to 128 characters from A-Z a-z 0-9 - . _ ~");
        }
        if (!challengeOf(verifier).equals(challenge)) {
            throw new IllegalArgumentException("The challenge is not the S256 hash of the verifier");
        }
    }

    public static Pkce generate(SecureRandom random) {
        String verifier = randomValue(random);
        return new Pkce(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits, base64url: also how the {@code state} is made. */
    static String randomValue(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[verifier=" + Masked.of(verifier) + ", challenge=" + challenge + "]";
    }
}
