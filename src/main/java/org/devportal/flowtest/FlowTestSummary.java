package org.devportal.flowtest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientType;

/**
 * A finished flow test run, as the client page and reviewers see it.
 *
 * @param scopes the scopes the run asked for, separated by spaces
 * @param clientVersion the version of the client the run started against, or null for runs stored before it was
 *        recorded
 * @param testAgain whether a redirect URI or scope was added or changed, or the client type changed, after the
 *        client's latest successful run, so that the run no longer proves the client as it is now
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
        String scopes,
        Long clientVersion,
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
