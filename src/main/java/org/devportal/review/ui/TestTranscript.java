package org.devportal.review.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devportal.base.Times;
import org.devportal.flowtest.FlowTestSummary;
import org.devportal.flowtest.HttpExchange;
import org.devportal.flowtest.StepOutcome;

/**
 * The whole redacted transcript of a client's latest guided flow test: who ran it, when, against which version of
 * the client, then every step in order, each folded to its title and verdict and opening to its requests and
 * responses in monospace. Masked values are marked, so that a reviewer never mistakes one for the real value.
 */
final class TestTranscript extends Div {

    /** What {@code Masked.of} writes: up to four characters, an ellipsis and the length. */
    private static final Pattern MASKED = Pattern.compile("[^\\s…=\":&(,]{0,4}…\\(\\d+\\)");

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    TestTranscript(Optional<FlowTestSummary> latest) {
        setId("review-transcript");
        if (latest.isEmpty()) {
            Paragraph none = new Paragraph("No guided flow test has finished yet, so there is no transcript to read.");
            none.addClassName("portal-muted");
            add(none);
            return;
        }
        FlowTestSummary run = latest.get();
        Paragraph about = new Paragraph((run.passed() ? "Passed " : "Failed: passed ") + run.passedChecks() + " of "
                + run.checks().size() + " checks. Run by " + run.startedBy() + ", started "
                + Times.DATE_TIME.format(run.startedAt())
                + (run.finishedAt() == null ? "" : ", finished " + Times.DATE_TIME.format(run.finishedAt()))
                + ", against "
                + (run.clientVersion() == null ? "an unrecorded version" : "version " + run.clientVersion())
                + " of the client as a " + run.clientType().label().toLowerCase(java.util.Locale.ROOT)
                + ", with the redirect URI " + run.redirectUri() + " and the scopes " + run.scopes() + ".");
        about.setId("review-transcript-about");
        add(about);
        if (run.testAgain()) {
            Paragraph stale = new Paragraph("Since the last successful run a redirect URI or scope was added or "
                    + "changed, or the client type changed: this transcript does not prove the client as submitted.");
            stale.addClassName("portal-error");
            add(stale);
        }
        Paragraph legend =
                new Paragraph("Codes, tokens, verifiers, states and secrets are masked: shown as their first "
                        + "four characters and their length, like abcd…(43), or only their length when short.");
        legend.addClassName("portal-muted");
        add(legend);
        for (StepOutcome step : run.steps()) {
            add(step(step));
        }
    }

    private static Details step(StepOutcome step) {
        Span verdict = new Span(step.verdict().label());
        verdict.getElement().getThemeList().add(step.passed() ? "badge success" : "badge error");
        Span summary = new Span(
                new Text(step.step().number() + ". " + step.step().title() + " · " + CLOCK.format(step.at()) + " "),
                verdict);
        Div content = new Div();
        content.add(new Paragraph(step.message()));
        if (!step.findings().isEmpty()) {
            UnorderedList findings = new UnorderedList();
            step.findings().forEach(finding -> findings.add(new ListItem(masked(finding))));
            content.add(findings);
        }
        if (step.likelyCause() != null) {
            Paragraph cause = new Paragraph("Likely cause: " + step.likelyCause());
            cause.addClassName("portal-flow-error");
            content.add(cause);
        }
        step.exchanges().forEach(exchange -> content.add(exchange(exchange)));
        if (step.exchanges().isEmpty()) {
            Paragraph none = new Paragraph("No HTTP request in this step.");
            none.addClassName("portal-muted");
            content.add(none);
        }
        Details details = new Details(summary, content);
        details.addClassName("portal-transcript-step");
        return details;
    }

    private static Div exchange(HttpExchange exchange) {
        StringBuilder request = new StringBuilder(exchange.method()).append(' ').append(exchange.url());
        exchange.requestHeaders().forEach(header -> request.append('\n').append(header));
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.append("\n\n").append(exchange.requestBody());
        }
        Div box = new Div(new Span("Request"), pre(request.toString()));
        box.addClassName("portal-flow-exchange");
        if (exchange.status() > 0) {
            StringBuilder response = new StringBuilder("HTTP " + exchange.status() + " (" + exchange.millis() + " ms)");
            exchange.responseHeaders().forEach(header -> response.append('\n').append(header));
            if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
                response.append("\n\n").append(exchange.responseBody());
            }
            box.add(new Span("Response"), pre(response.toString()));
        } else {
            Paragraph none = new Paragraph("No response: the browser followed this request.");
            none.addClassName("portal-muted");
            box.add(none);
        }
        return box;
    }

    private static Pre pre(String text) {
        Pre pre = new Pre();
        pre.addClassName("portal-flow-http");
        pre.add(masked(text));
        return pre;
    }

    /** The text with every masked value wrapped in a marked span. */
    private static Span masked(String text) {
        Span result = new Span();
        Matcher matcher = MASKED.matcher(text);
        int last = 0;
        while (matcher.find()) {
            result.add(new Text(text.substring(last, matcher.start())));
            Span value = new Span(matcher.group());
            value.addClassName("portal-masked");
            value.getElement().setAttribute("title", "Masked value");
            result.add(value);
            last = matcher.end();
        }
        result.add(new Text(text.substring(last)));
        return result;
    }
}
