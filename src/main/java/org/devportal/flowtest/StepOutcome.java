package org.devportal.flowtest;

import java.time.Instant;
import java.util.List;

/**
 * What one step of a run did: its verdict, what it found ({@code findings}, one line each), the likely cause of a
 * failure, and the HTTP exchanges it made. Holds only redacted values, so it is stored as it is.
 */
public record StepOutcome(
        FlowStep step,
        Instant at,
        Verdict verdict,
        String message,
        List<String> findings,
        String likelyCause,
        List<HttpExchange> exchanges) {

    public StepOutcome {
        findings = List.copyOf(findings);
        exchanges = List.copyOf(exchanges);
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }
}
