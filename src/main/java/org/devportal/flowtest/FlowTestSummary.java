package org.devportal.flowtest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientType;

/**
 * A finished flow test run, as the client page and reviewers see it.
 *
 * @param testAgain whether the client's redirect URIs, scopes or type changed after its latest successful run, so
 *        that the run no longer proves the client as it is now
 * @param steps the redacted transcript, in the order the steps ran
 */
public record FlowTestSummary(
        UUID runId,
        UUID clientId,
        Instant startedAt,
        Instant finishedAt,
        String startedBy,
        ClientType clientType,
        String redirectUri,
        List<CheckResult> checks,
        List<StepOutcome> steps,
        boolean testAgain) {

    public FlowTestSummary {
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
    }

    public long passedChecks() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    public boolean passed() {
        return passedChecks() == checks.size();
    }
}
