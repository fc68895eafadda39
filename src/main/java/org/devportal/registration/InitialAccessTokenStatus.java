package org.devportal.registration;

/** Where an initial access token stands; only an active one registers clients. */
public enum InitialAccessTokenStatus {
    ACTIVE("Active", null),
    EXPIRED("Expired", "The initial access token has expired"),
    USED_UP("Used up", "The initial access token has no uses left"),
    REVOKED("Revoked", "The initial access token was revoked");

    private final String label;
    private final String refusal;

    InitialAccessTokenStatus(String label, String refusal) {
        this.label = label;
        this.refusal = refusal;
    }

    public String label() {
        return label;
    }

    /** Why the registration API refuses a token in this state, for its caller; null for an active token. */
    String refusal() {
        return refusal == null
                ? null
                : refusal + "; a member of the team can create a new one on the team's client list in the portal";
    }

    public boolean isActive() {
        return this == ACTIVE;
    }
}
