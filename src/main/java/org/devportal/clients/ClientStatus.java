package org.devportal.clients;

/** Where a client is in its review lifecycle (docs/client-rules.md, lifecycle). */
public enum ClientStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    ClientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the team may edit the client in this state. A client under review is frozen. */
    public boolean editable() {
        return this != IN_REVIEW;
    }
}
