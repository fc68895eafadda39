package org.devportal.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.devportal.base.Times;
import org.devportal.clients.ClientField;
import org.devportal.clients.ClientSnapshot;
import org.devportal.logos.LogoService;
import org.devportal.review.CheckResult;
import org.devportal.review.ProductionAccessService;
import org.devportal.review.ReviewDetails;
import org.devportal.review.ReviewDiffs;
import org.devportal.review.ReviewNotFoundException;
import org.devportal.review.ReviewRecord;
import org.devportal.review.ReviewService;
import org.devportal.security.StepUp;

/** One submission as a reviewer sees it: the revision, the diff, the checks, the evidence, and the decision. */
@Route("review/:reviewId")
@PageTitle("Review")
@RolesAllowed("REVIEWER")
final class ReviewView extends Div implements BeforeEnterObserver {

    private final ReviewService reviews;
    private final ProductionAccessService access;
    private final StepUp stepUp;

    ReviewView(ReviewService reviews, ProductionAccessService access, StepUp stepUp) {
        this.reviews = reviews;
        this.access = access;
        this.stepUp = stepUp;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get("reviewId").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ReviewNotFoundException();
        }
        show(reviews.details(id));
    }

    private void show(ReviewDetails details) {
        removeAll();
        ReviewRecord review = details.review();
        ClientSnapshot client = review.submitted();
        Anchor back = new Anchor("review", "← Review queue");
        H1 title = new H1(client.name() + " · revision " + review.revision());
        Span state = new Span(review.status().label());
        state.setId("review-state");
        state.getElement().getThemeList().add("badge");
        Paragraph submitted = new Paragraph("Submitted by " + review.submittedBy() + " of " + review.teamName() + " on "
                + Times.DATE_TIME.format(review.submittedAt()) + ". "
                + (review.revision() == 1 ? "First submission" : "Round " + review.revision())
                + (details.diffs().firstApproval()
                        ? "; no revision of this client is approved yet."
                        : "; production serves an earlier approved revision."));
        submitted.setId("review-submitted");
        add(back, title, state, submitted);
        if (review.note() != null) {
            Paragraph note = new Paragraph("Note from the team: " + review.note());
            note.setId("review-note-from-team");
            add(note);
        }
        add(new PinnedComments(
                reviews, details.openComments(), details.resolvedComments(), () -> show(reviews.details(review.id()))));
        add(new H2("Automatic checks"), checks(details.checks()));
        changes(details.diffs());
        add(new H2(ClientField.LOGO.label()), logos(client));
        Paragraph evidence = new Paragraph(
                details.testEvidence() == null
                        ? "No test run: the team has not completed a guided flow test of this client."
                        : details.testEvidence());
        evidence.setId("review-evidence");
        add(new H2("Test evidence"), evidence);
        add(
                new H3("Transcript of the latest run"),
                new TestTranscript(reviews.latestTestTranscript(review.clientId())));
        add(new H2("Production access"), new ProductionAccessPanel(access, stepUp, review.clientId()));
        add(new H2("Decision"), new DecisionPanel(reviews, stepUp, details, () -> show(reviews.details(review.id()))));
    }

    private static Div checks(List<CheckResult> checks) {
        Div list = new Div();
        list.setId("review-checks");
        for (CheckResult check : checks) {
            Div row = new Div();
            row.addClassName("portal-check");
            Span verdict = new Span(check.verdict().name());
            verdict.getElement()
                    .getThemeList()
                    .add("badge "
                            + switch (check.verdict()) {
                                case PASS -> "success";
                                case WARN -> "contrast";
                                case FAIL -> "error";
                            });
            row.add(verdict, new Span(" " + check.name() + ": "), new Span(check.reason()));
            list.add(row);
        }
        return list;
    }

    /**
     * The two comparisons: what the team changed since its previous submission, when there was one, then every field
     * against the last approved revision.
     */
    private void changes(ReviewDiffs diffs) {
        if (diffs.hasPrevious()) {
            add(new H2("Changes since revision " + diffs.previousRevision() + " ("
                    + diffs.previousOutcome().label().toLowerCase(Locale.ROOT) + ")"));
            if (diffs.sincePrevious().isEmpty()) {
                Paragraph none =
                        new Paragraph("The team changed nothing since revision " + diffs.previousRevision() + ".");
                none.setId("review-diff-previous");
                none.addClassName("portal-muted");
                add(none);
            } else {
                add(new DiffTable("review-diff-previous", diffs.sincePrevious()));
            }
        }
        if (diffs.firstApproval()) {
            add(new H2("First approval"));
            Paragraph first = new Paragraph(
                    "No revision of this client is approved yet, so every field is new; the risk tags still say what "
                            + "to look at.");
            first.addClassName("portal-muted");
            add(first);
        } else {
            add(new H2("Changes since the last approved revision"));
        }
        add(new DiffTable("review-diff", diffs.sinceApproval()));
    }

    private static Div logos(ClientSnapshot client) {
        Div logos = new Div();
        logos.setId("review-logos");
        logos.addClassName("portal-review-logos");
        if (client.logoHash() == null) {
            logos.add(new Paragraph("No logo."));
            return logos;
        }
        for (int size : List.of(512, 256, 128, 64)) {
            Image image = new Image(LogoService.path(client.logoHash(), size), size + " px logo");
            image.setWidth(size / 2 + "px");
            image.setHeight(size / 2 + "px");
            logos.add(image);
        }
        Paragraph note = new Paragraph(
                "Shown at half size for the 512 and 256 px renditions; open an image for its " + "real size.");
        note.addClassName("portal-muted");
        logos.add(note);
        return logos;
    }
}
