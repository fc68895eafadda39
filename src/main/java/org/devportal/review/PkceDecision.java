package org.devportal.review;

/** A reviewer's answer to a team's request for a PKCE exception, given with the approval. */
public enum PkceDecision {
    /** Production lets the confidential client skip PKCE; the reviewer's comment says why. */
    GRANT("Grant the exception"),
    /** Production keeps requiring PKCE; the request is withdrawn from the client. */
    REFUSE("Refuse the exception: PKCE stays required");

    private final String label;

    PkceDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
