package org.devportal.review;

/** One automatic check of a revision: its verdict and the reason. */
public record CheckResult(String name, Verdict verdict, String reason) {

    public enum Verdict {
        PASS,
        WARN,
        FAIL
    }
}
