package org.devportal.authserver;

import java.util.UUID;

/**
 * The id under which Spring Authorization Server knows a portal client at one issuer:
 * {@code sandbox:<client>} or {@code production:<client>}, with the portal's internal client id.
 */
record ClientKey(Issuer issuer, UUID clientId) {

    static ClientKey parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a client key");
        }
        return new ClientKey(
                Issuer.valueOf(value.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                UUID.fromString(value.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return issuer.name().toLowerCase(java.util.Locale.ROOT) + ":" + clientId;
    }
}
