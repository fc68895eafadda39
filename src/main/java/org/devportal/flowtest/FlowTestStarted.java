package org.devportal.flowtest;

import java.util.UUID;

/**
 * A run that waits for its callback. It holds the live {@code state} and PKCE verifier so the developer can see
 * them in the stepper; nothing stores this record, and its {@code toString} masks them.
 */
public record FlowTestStarted(
        UUID runId, String state, Pkce pkce, String authorizationUrl, StepOutcome redirectUri, StepOutcome request) {

    @Override
    public String toString() {
        return "FlowTestStarted[runId=" + runId + ", state=" + Masked.of(state) + ", pkce=" + pkce + "]";
    }
}
