package org.devportal.flowtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes runs and their transcripts, each write in its own short transaction, so that no transaction stays open
 * while a step waits for the issuer.
 */
@Component
class RunStore {

    private static final TypeReference<List<StepOutcome>> TRANSCRIPT = new TypeReference<>() {};

    private final FlowTestRunRepository runs;
    private final ObjectMapper json;

    RunStore(FlowTestRunRepository runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @Transactional
    UUID create(
            ClientDetails client,
            String subject,
            String actor,
            Instant now,
            String redirectUri,
            String scopes,
            List<StepOutcome> firstSteps) {
        FlowTestRun run = new FlowTestRun(
                client.id(),
                client.teamId(),
                subject,
                actor,
                now,
                client.clientType(),
                redirectUri,
                scopes,
                client.version(),
                json.writeValueAsString(firstSteps));
        return runs.saveAndFlush(run).getId();
    }

    @Transactional
    void append(UUID runId, StepOutcome outcome) {
        FlowTestRun run = runs.findById(runId).orElseThrow();
        List<StepOutcome> steps = new ArrayList<>(steps(run));
        steps.add(outcome);
        run.record(json.writeValueAsString(steps));
    }

    @Transactional
    void finish(UUID runId, Instant now) {
        FlowTestRun run = runs.findById(runId).orElseThrow();
        List<CheckResult> checks = Check.evaluate(steps(run));
        int passed = (int) checks.stream().filter(CheckResult::passed).count();
        run.finish(passed, passed == checks.size(), now);
    }

    @Transactional(readOnly = true)
    Optional<FlowTestSummary> latest(ClientDetails client) {
        Optional<Instant> lastSuccess = runs.findFirstByClientIdAndSucceededTrueOrderByFinishedAtDesc(client.id())
                .map(FlowTestRun::finishedAt);
        boolean testAgain =
                lastSuccess.map(at -> at.isBefore(client.technicalChangedAt())).orElse(false);
        return runs.findFirstByClientIdAndFinishedAtIsNotNullOrderByFinishedAtDesc(client.id())
                .map(run -> summary(run, testAgain));
    }

    @Transactional(readOnly = true)
    Optional<FlowTestSummary> finished(UUID runId, ClientDetails client) {
        return runs.findById(runId)
                .filter(run -> run.finishedAt() != null && run.clientId().equals(client.id()))
                .map(run -> summary(run, run.finishedAt().isBefore(client.technicalChangedAt())));
    }

    private FlowTestSummary summary(FlowTestRun run, boolean testAgain) {
        List<StepOutcome> steps = steps(run);
        return new FlowTestSummary(
                run.getId(),
                run.clientId(),
                run.startedAt(),
                run.finishedAt(),
                run.startedBy(),
                run.clientType(),
                run.redirectUri(),
                run.scopes(),
                run.clientVersion(),
                Check.evaluate(steps),
                steps,
                testAgain);
    }

    private List<StepOutcome> steps(FlowTestRun run) {
        return json.readValue(run.transcript(), TRANSCRIPT);
    }
}
