package org.devportal.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devportal.base.InvalidInputException;
import org.devportal.review.AlreadyDecidedException;
import org.devportal.review.Approval;
import org.devportal.review.FieldDiff;
import org.devportal.review.FourEyesException;
import org.devportal.review.PkceDecision;
import org.devportal.review.ReviewDetails;
import org.devportal.review.ReviewService;
import org.devportal.security.StepUp;
import org.devportal.security.StepUpAction;
import org.devportal.security.StepUpRequiredException;
import org.devportal.security.ui.StepUpPrompt;

/**
 * The reviewer's decision: a comment (required to request changes or reject), optional comments pinned to fields,
 * and the three decisions. Hidden when the reviewer may not decide; the service refuses anyway.
 */
final class DecisionPanel extends Div {

    private final ReviewService reviews;
    private final StepUp stepUp;
    private final ReviewDetails details;
    private final Runnable onDecided;
    private final TextArea comment = new TextArea("Comment for the team");
    private final Map<String, String> pinned = new LinkedHashMap<>();
    private final Div pinnedList = new Div();
    /** Whether the last decision was recorded, so that the approval dialog can close. */
    private boolean decided;

    private final RadioButtonGroup<PkceDecision> pkceDecision = new RadioButtonGroup<>("PKCE exception");

    DecisionPanel(ReviewService reviews, StepUp stepUp, ReviewDetails details, Runnable onDecided) {
        this.reviews = reviews;
        this.stepUp = stepUp;
        this.details = details;
        this.onDecided = onDecided;
        setId("review-decision");
        if (!details.mayDecide()) {
            Paragraph why = new Paragraph(details.whyNot());
            why.setId("review-decision-unavailable");
            add(why);
            if (details.review().decisionComment() != null) {
                add(new Paragraph("“" + details.review().decisionComment() + "” — "
                        + details.review().decidedBy()));
            }
            add(new ReviewThread(reviews, details.review().clientId()));
            return;
        }
        comment.setId("review-comment");
        comment.setWidthFull();
        comment.setMaxLength(4000);
        Select<String> field = new Select<>();
        field.setLabel("Pin a comment to a field");
        field.setId("pin-field");
        field.setItems(details.diff().stream().map(FieldDiff::field).toList());
        TextField fieldComment = new TextField("Comment on that field");
        fieldComment.setId("pin-text");
        Button pin = new Button("Pin", event -> {
            if (field.getValue() != null && !fieldComment.isEmpty()) {
                pinned.put(field.getValue(), fieldComment.getValue());
                fieldComment.clear();
                showPinned();
            }
        });
        pin.setId("pin-add");
        HorizontalLayout pinRow = new HorizontalLayout(field, fieldComment, pin);
        pinRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        pinnedList.setId("pinned-comments");

        pkceDecision.setId("review-pkce-decision");
        pkceDecision.setItems(PkceDecision.values());
        pkceDecision.setItemLabelGenerator(PkceDecision::label);
        pkceDecision.setHelperText("The team asks to skip PKCE in production: "
                + details.review().submitted().pkceExceptionReason()
                + " Granting needs your reason in the comment.");
        pkceDecision.setVisible(details.review().submitted().pkceException());
        restoreDraft();
        Button approve = new Button(
                "Approve…",
                event -> StepUpPrompt.ifFresh(
                        stepUp,
                        StepUpAction.APPROVE_REVIEW,
                        () -> new ApproveDialog(details, acknowledgement -> {
                                    run(() -> reviews.approveWith(
                                            details.review().id(),
                                            details.review().version(),
                                            new Approval(
                                                    comment.getValue(), pkceDecision.getValue(), acknowledgement)));
                                    return decided;
                                })
                                .open()));
        approve.setId("review-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button changes = new Button(
                "Request changes",
                event -> run(() -> reviews.requestChanges(
                        details.review().id(), details.review().version(), comment.getValue(), pinned)));
        changes.setId("review-request-changes");
        Button reject = new Button(
                "Reject",
                event -> run(() ->
                        reviews.reject(details.review().id(), details.review().version(), comment.getValue())));
        reject.setId("review-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(
                comment,
                pkceDecision,
                pinRow,
                pinnedList,
                new HorizontalLayout(approve, changes, reject),
                new ReviewThread(reviews, details.review().clientId()));
    }

    /** The comment and pinned comments survive a step-up's round trip through the identity provider. */
    private void keepDraft() {
        VaadinSession.getCurrent().setAttribute(draftKey(), new Draft(comment.getValue(), new LinkedHashMap<>(pinned)));
    }

    private void restoreDraft() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(draftKey()) instanceof Draft draft) {
            session.setAttribute(draftKey(), null);
            comment.setValue(draft.comment());
            pinned.putAll(draft.pinned());
            showPinned();
        }
    }

    private String draftKey() {
        return "review-decision-draft-" + details.review().id();
    }

    private record Draft(String comment, Map<String, String> pinned) implements java.io.Serializable {}

    private void showPinned() {
        pinnedList.removeAll();
        pinned.forEach((field, text) -> pinnedList.add(new Paragraph(field + ": " + text)));
    }

    private void run(Runnable decision) {
        decided = false;
        try {
            decision.run();
            decided = true;
            Notification.show("Decision recorded; the team has been told.", 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onDecided.run();
        } catch (InvalidInputException e) {
            if (e.field().equals("acknowledgement")) {
                throw e;
            }
            decided = true;
            if (e.field().equals("pkceException")) {
                pkceDecision.setErrorMessage(e.getMessage());
                pkceDecision.setInvalid(true);
            } else {
                comment.setErrorMessage(e.getMessage());
                comment.setInvalid(true);
            }
        } catch (StepUpRequiredException e) {
            decided = true;
            StepUpPrompt.open(e, stepUp, this::keepDraft);
        } catch (AlreadyDecidedException | FourEyesException e) {
            decided = true;
            Notification notification = Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setId("review-conflict");
            onDecided.run();
        }
    }
}
