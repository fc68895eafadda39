package org.devportal.teams;

/** What a member may do in a team. */
public enum TeamRole {
    /** Manages the team, its members and every client. */
    OWNER("Owner"),
    /** Manages the team's clients. */
    DEVELOPER("Developer");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
