package org.devportal.flowtest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.devportal.base.Times;
import org.devportal.flowtest.CheckResult;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.FlowTestSummary;
import org.devportal.flowtest.StepOutcome;
import org.devportal.flowtest.Verdict;

/** Step 8: the four checks, each passed or failed, with a link to the step that shows why. */
final class SummaryStep extends StepCard {

    private final Div checks = new Div();

    SummaryStep(Runnable finish) {
        super(
                FlowStep.SUMMARY,
                "The run is stored with its redacted transcript, and the client page and reviewers "
                        + "see its checks. It finishes by itself after the refresh step.");
        Button done = new Button("Finish the run now", event -> finish.run());
        done.setId("flow-finish");
        checks.setId("flow-checks");
        addControls(done);
        addResult(checks);
    }

    void show(FlowTestSummary summary) {
        show(new StepOutcome(
                FlowStep.SUMMARY,
                summary.finishedAt(),
                summary.passed() ? Verdict.PASSED : Verdict.FAILED,
                summary.passedChecks() + " of " + summary.checks().size() + " checks passed, "
                        + Times.DATE_TIME.format(summary.finishedAt()) + ".",
                java.util.List.of(),
                null,
                java.util.List.of()));
        checks.removeAll();
        for (CheckResult result : summary.checks()) {
            Span mark = new Span(result.passed() ? "✓ Passed" : "✗ Failed");
            mark.getElement().getThemeList().add("badge pill " + (result.passed() ? "success" : "error"));
            Anchor link = new Anchor(
                    "#" + idOf(result.check().shownIn()),
                    result.check().label() + " (step "
                            + result.check().shownIn().number() + ")");
            link.setRouterIgnore(true);
            Div line = new Div(mark, new Span(" "), link);
            line.setId("flow-check-"
                    + result.check().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            line.getElement().setAttribute("data-passed", String.valueOf(result.passed()));
            checks.add(line);
        }
        addResult(checks);
        setActive(false);
    }
}
