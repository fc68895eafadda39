package org.devportal.flowtest.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.devportal.flowtest.FlowStep;
import org.devportal.flowtest.HttpExchange;
import org.devportal.flowtest.StepOutcome;

/**
 * One step of the stepper: its number and title, a verdict badge, the step's own controls, and what the step did,
 * each HTTP request and response shown as sent and received, with secrets masked.
 */
class StepCard extends Div {

    private final FlowStep step;
    private final Span verdict = new Span();
    private final Div controls = new Div();
    private final Div result = new Div();
    private final Paragraph error = new Paragraph();

    StepCard(FlowStep step, String explanation) {
        this.step = step;
        setId(idOf(step));
        addClassName("portal-flow-step");
        verdict.setId(idOf(step) + "-verdict");
        H3 title = new H3(step.number() + ". " + step.title());
        HorizontalLayout header = new HorizontalLayout(title, verdict);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph text = new Paragraph(explanation);
        text.addClassName("portal-muted");
        error.setId(idOf(step) + "-error");
        error.addClassName("portal-flow-error");
        error.setVisible(false);
        result.setId(idOf(step) + "-result");
        add(header, text, controls, error, result);
        setActive(false);
    }

    static String idOf(FlowStep step) {
        return "flow-step-" + step.number();
    }

    FlowStep step() {
        return step;
    }

    void addControls(Component... components) {
        controls.add(components);
    }

    /** Whether the step can be used now; earlier steps stay readable, later ones are dimmed. */
    void setActive(boolean active) {
        controls.setEnabled(active);
        getElement().setAttribute("data-active", String.valueOf(active));
    }

    void setWaiting() {
        badge("Waiting", "contrast");
    }

    /** A verdict of the step's own, for steps whose end is not a checked outcome. */
    void showVerdict(String text, String theme) {
        badge(text, theme);
    }

    void clear() {
        verdict.setText("");
        verdict.getElement().getThemeList().clear();
        error.setVisible(false);
        result.removeAll();
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    void show(StepOutcome outcome) {
        clear();
        badge(outcome.verdict().label(), outcome.passed() ? "success" : "error");
        Paragraph message = new Paragraph(outcome.message());
        message.setId(idOf(step) + "-message");
        result.add(message);
        if (!outcome.findings().isEmpty()) {
            UnorderedList findings = new UnorderedList();
            findings.setId(idOf(step) + "-findings");
            outcome.findings().forEach(finding -> findings.add(new ListItem(finding)));
            result.add(findings);
        }
        if (outcome.likelyCause() != null) {
            Paragraph cause = new Paragraph("Likely cause: " + outcome.likelyCause());
            cause.setId(idOf(step) + "-cause");
            cause.addClassName("portal-flow-error");
            result.add(cause);
        }
        outcome.exchanges().forEach(exchange -> result.add(exchange(exchange)));
    }

    void addResult(Component component) {
        result.add(component);
    }

    private void badge(String text, String theme) {
        verdict.setText(text);
        verdict.getElement().getThemeList().clear();
        verdict.getElement().getThemeList().add("badge pill " + theme);
    }

    private static Component exchange(HttpExchange exchange) {
        StringBuilder request = new StringBuilder(exchange.method()).append(' ').append(exchange.url());
        exchange.requestHeaders().forEach(header -> request.append('\n').append(header));
        if (exchange.requestBody() != null) {
            request.append("\n\n").append(exchange.requestBody());
        }
        Pre requestText = new Pre(request.toString());
        requestText.addClassName("portal-flow-http");
        Div box = new Div(new Span("Request"), requestText);
        if (exchange.status() > 0 || exchange.responseBody() != null) {
            StringBuilder response = new StringBuilder("HTTP " + exchange.status() + " (" + exchange.millis() + " ms)");
            exchange.responseHeaders().forEach(header -> response.append('\n').append(header));
            if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
                response.append("\n\n").append(exchange.responseBody());
            }
            Pre responseText = new Pre(response.toString());
            responseText.addClassName("portal-flow-http");
            box.add(new Span("Response"), responseText);
        }
        box.addClassName("portal-flow-exchange");
        return box;
    }
}
