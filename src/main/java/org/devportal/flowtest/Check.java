package org.devportal.flowtest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The four checks a flow test answers, each proven by one or more steps and linked to the step that shows it. */
public enum Check {
    REDIRECT_URIS_REGISTERED(
            "Redirect URIs registered correctly", FlowStep.CALLBACK, Set.of(FlowStep.REDIRECT_URI, FlowStep.CALLBACK)),
    FLOW_COMPLETED(
            "Full flow completed",
            FlowStep.API_CALL,
            Set.of(FlowStep.AUTHORIZATION_REQUEST, FlowStep.CALLBACK, FlowStep.TOKEN_EXCHANGE, FlowStep.API_CALL)),
    ACCESS_TOKEN_RETRIEVED("Access token retrieved", FlowStep.TOKEN_EXCHANGE, Set.of(FlowStep.TOKEN_EXCHANGE)),
    REFRESH_WORKS("Refresh works", FlowStep.REFRESH, Set.of(FlowStep.REFRESH));

    private final String label;
    private final FlowStep shownIn;
    private final Set<FlowStep> provenBy;

    Check(String label, FlowStep shownIn, Set<FlowStep> provenBy) {
        this.label = label;
        this.shownIn = shownIn;
        this.provenBy = provenBy;
    }

    public String label() {
        return label;
    }

    /** The step to link to. */
    public FlowStep shownIn() {
        return shownIn;
    }

    /**
     * Passes when the last outcome of every step that proves it passed. A step that was retried counts with its last
     * attempt: a wrong secret followed by the right one is a working token exchange.
     */
    boolean passedBy(Map<FlowStep, StepOutcome> lastOutcomes) {
        return provenBy.stream()
                .allMatch(step ->
                        lastOutcomes.containsKey(step) && lastOutcomes.get(step).passed());
    }

    /** The results of all four checks over a run's outcomes, in order. */
    public static List<CheckResult> evaluate(List<StepOutcome> outcomes) {
        Map<FlowStep, StepOutcome> last = new java.util.EnumMap<>(FlowStep.class);
        outcomes.forEach(outcome -> last.put(outcome.step(), outcome));
        return java.util.Arrays.stream(values())
                .map(check -> new CheckResult(check, check.passedBy(last)))
                .toList();
    }
}
