package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.devportal.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class CheckTest {

    private static StepOutcome outcome(FlowStep step, boolean passed) {
        return new StepOutcome(step, Instant.EPOCH, Verdict.of(passed), "", List.of(), null, List.of());
    }

    private static List<StepOutcome> all(boolean passed) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (FlowStep step : List.of(
                FlowStep.REDIRECT_URI,
                FlowStep.AUTHORIZATION_REQUEST,
                FlowStep.CALLBACK,
                FlowStep.TOKEN_EXCHANGE,
                FlowStep.API_CALL,
                FlowStep.REFRESH)) {
            outcomes.add(outcome(step, passed));
        }
        return outcomes;
    }

    @Test
    void a_complete_run_passes_all_four_checks() {
        assertThat(Check.evaluate(all(true))).extracting(CheckResult::passed).containsExactly(true, true, true, true);
    }

    @Test
    void a_step_that_did_not_run_fails_the_checks_it_proves() {
        List<StepOutcome> withoutRefresh = all(true).subList(0, 5);
        assertThat(Check.evaluate(withoutRefresh))
                .extracting(CheckResult::passed)
                .containsExactly(true, true, true, false);
    }

    @Test
    void a_retried_step_counts_with_its_last_attempt() {
        List<StepOutcome> outcomes = all(true);
        outcomes.add(3, outcome(FlowStep.TOKEN_EXCHANGE, false));
        assertThat(Check.evaluate(outcomes).get(2).passed()).isTrue();
        outcomes.add(outcome(FlowStep.CALLBACK, false));
        assertThat(Check.evaluate(outcomes)).extracting(CheckResult::passed).containsExactly(false, false, true, true);
    }

    @Test
    void each_check_links_to_the_step_that_shows_it() {
        assertThat(Check.REFRESH_WORKS.shownIn()).isEqualTo(FlowStep.REFRESH);
        assertThat(Check.ACCESS_TOKEN_RETRIEVED.shownIn().number()).isEqualTo(5);
    }

    @Test
    void only_registered_scopes_can_be_requested() {
        assertThat(ScopeRequest.parse(
                                " vendors:read  accounts:read vendors:read", Set.of("vendors:read", "accounts:read"))
                        .value())
                .isEqualTo("vendors:read accounts:read");
        assertThatThrownBy(() -> ScopeRequest.parse("vendors:read users:write", Set.of("vendors:read")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"users:write\" is not registered");
        assertThatThrownBy(() -> ScopeRequest.parse("  ", Set.of("vendors:read")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one");
    }
}
