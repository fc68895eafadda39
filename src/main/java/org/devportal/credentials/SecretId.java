package org.devportal.credentials;

import java.util.UUID;

/** Identifies one secret of a client; random, so that it can be handed out before the secret is stored. */
public record SecretId(UUID value) {

    public SecretId {
        if (value == null) {
            throw new IllegalArgumentException("A secret ID is required");
        }
    }

    public static SecretId random() {
        return new SecretId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
