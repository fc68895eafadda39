package org.devportal.review;

/** Where one submission stands. Only a waiting one can be decided or withdrawn. */
public enum ReviewStatus {
    WAITING("Waiting for review"),
    WITHDRAWN("Withdrawn"),
    APPROVED("Approved"),
    CHANGES_REQUESTED("Changes requested"),
    REJECTED("Rejected");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
