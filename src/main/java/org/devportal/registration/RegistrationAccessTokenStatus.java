package org.devportal.registration;

/** Where a client's registration access token stands; only an active one manages the client. */
public enum RegistrationAccessTokenStatus {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    RegistrationAccessTokenStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isActive() {
        return this == ACTIVE;
    }
}
