package org.devportal.security;

/** The actions that ask for the second factor again when the last check is older than the step-up maximum age. */
public enum StepUpAction {
    REVEAL_PRODUCTION_SECRET("reveal a production secret"),
    ROTATE_PRODUCTION_SECRET("rotate a production secret"),
    APPROVE_REVIEW("approve a review"),
    SUSPEND_CLIENT("suspend a client");

    private final String description;

    StepUpAction(String description) {
        this.description = description;
    }

    /** The action as a sentence fragment: "rotate a production secret". */
    public String description() {
        return description;
    }
}
