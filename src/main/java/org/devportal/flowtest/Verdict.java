package org.devportal.flowtest;

/** How a step ended. */
public enum Verdict {
    PASSED("Passed"),
    FAILED("Failed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Verdict of(boolean passed) {
        return passed ? PASSED : FAILED;
    }
}
