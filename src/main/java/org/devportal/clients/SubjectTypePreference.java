package org.devportal.clients;

/**
 * The default resource context the client works in. Not OIDC's {@code subject_type} (public or pairwise).
 */
public enum SubjectTypePreference {
    NONE("No preference"),
    COMPANY("Company"),
    ORGANISATION("Organisation");

    private final String label;

    SubjectTypePreference(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
