package org.devportal.flowtest.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import org.devportal.base.Times;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.flowtest.FlowTestSummary;
import org.devportal.flowtest.FlowTests;

/** The client page's flow test section: the latest run's result, and the way to the stepper. */
@org.springframework.stereotype.Component
class FlowTestSection implements ClientPageSection {

    private final FlowTests flowTests;

    FlowTestSection(FlowTests flowTests) {
        this.flowTests = flowTests;
    }

    @Override
    public String slug() {
        return "flow";
    }

    @Override
    public String label() {
        return "Flow test";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        Optional<FlowTestSummary> latest = flowTests.latestRun(client.id());
        Span status = new Span(latest.map(FlowTestSection::status).orElse("No test run"));
        status.setId("flow-test-status");
        status.getElement()
                .getThemeList()
                .add("badge pill "
                        + latest.map(run -> run.testAgain() ? "warning" : run.passed() ? "success" : "error")
                                .orElse("contrast"));
        Paragraph text = new Paragraph("Run the authorization code flow against the sandbox, step by step, and see "
                + "every request and response.");
        text.addClassName("portal-muted");
        Anchor open = new Anchor("clients/" + client.id() + "/flow-test", "Test the flow");
        open.setId("flow-test-link");
        Div section = new Div(new H2("Flow test"), status, text, open);
        section.setId("flow-test");
        return section;
    }

    private static String status(FlowTestSummary run) {
        String result = (run.passed() ? "Passed " : "Failed: passed ") + run.passedChecks() + "/"
                + run.checks().size() + " on " + Times.DATE_TIME.format(run.finishedAt());
        return run.testAgain()
                ? "Test again: the redirect URIs, scopes or client type changed after the last " + "successful run ("
                        + result + ")"
                : result;
    }
}
