package org.devportal.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Optional;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientStatus;
import org.devportal.clients.SubmissionRefusedException;
import org.devportal.clients.ui.ClientPage;
import org.devportal.clients.ui.ClientPageSection;
import org.devportal.review.ReviewRecord;
import org.devportal.review.ReviewService;
import org.devportal.review.ReviewStatus;

/** The client page's production review: submit with a note, withdraw, the last decision and the conversation. */
@org.springframework.stereotype.Component
class ReviewSection implements ClientPageSection {

    private final ReviewService reviews;

    ReviewSection(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public String slug() {
        return "review";
    }

    @Override
    public String label() {
        return "Review";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(ClientDetails client, ClientPage page) {
        Div section = new Div();
        section.setId("review");
        section.add(new H2("Production review"));
        List<ReviewRecord> history = reviews.historyOf(client.id());
        Optional<ReviewRecord> latest = history.stream().findFirst();
        Paragraph status = new Paragraph(describe(client, latest));
        status.setId("review-status");
        section.add(status);
        if (client.suspended()) {
            Paragraph suspended = new Paragraph("Suspended in production since "
                    + Times.DATE_TIME.format(client.suspension().since()) + " by "
                    + client.suspension().by() + ": "
                    + client.suspension().reason() + ". The production issuer refuses the client and its tokens "
                    + "until a reviewer reinstates it.");
            suspended.setId("review-suspended");
            suspended.addClassName("portal-error");
            section.add(suspended);
        }
        latest.filter(r -> r.decisionComment() != null && r.status() != ReviewStatus.WAITING)
                .ifPresent(r -> {
                    Paragraph comment = new Paragraph("“" + r.decisionComment() + "” — " + r.decidedBy());
                    comment.setId("review-decision-comment");
                    section.add(comment);
                });
        if (client.status() == ClientStatus.IN_REVIEW) {
            Button withdraw = new Button("Withdraw from review", event -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        "Withdraw from review?",
                        "The submission leaves the reviewers' queue and the client becomes editable again. You can "
                                + "submit it again later.",
                        "Withdraw",
                        confirmed -> {
                            reviews.withdraw(client.id());
                            page.clientChanged();
                        });
                confirm.setCancelable(true);
                confirm.setId("confirm-withdraw");
                confirm.open();
            });
            withdraw.setId("withdraw-review");
            section.add(withdraw);
        } else if (client.status() != ClientStatus.REJECTED
                && (!client.approvedForProduction() || client.unapprovedChanges())) {
            section.add(submitForm(client, page));
        }
        if (latest.isPresent()) {
            section.add(new ReviewThread(reviews, client.id()));
        }
        return section;
    }

    private Div submitForm(ClientDetails client, ClientPage page) {
        Div form = new Div();
        TextArea note = new TextArea("Note for the reviewer (optional)");
        note.setId("review-note");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setHelperText("What the integration does, how to try it, anything unusual, such as an http redirect URI.");
        UnorderedList problems = new UnorderedList();
        problems.setId("review-problems");
        problems.addClassName("portal-error-list");
        Runnable submitSaved = () -> {
            problems.removeAll();
            try {
                reviews.submit(client.id(), note.getValue());
                Notification.show(
                                "Submitted. Reviewers have been told; you will hear back here.",
                                4000,
                                Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                page.clientChanged();
            } catch (SubmissionRefusedException e) {
                e.problems().forEach(problem -> problems.add(new ListItem(problem.message())));
            } catch (InvalidInputException | IllegalStateException e) {
                problems.add(new ListItem(e.getMessage()));
            }
        };
        Button submit = new Button("Submit for review");
        submit.setId("submit-review");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(event -> {
            if (!page.hasUnsavedChanges()) {
                submitSaved.run();
                return;
            }
            // Reviewers see the saved client; submitting past unsaved edits would send something else than the
            // form shows.
            ConfirmDialog saveFirst = new ConfirmDialog(
                    "Save your changes first?",
                    "The form has changes that are not saved. A review looks at the saved client, so they are saved "
                            + "before it is submitted.",
                    "Save and submit",
                    confirmed -> {
                        if (page.saveChanges()) {
                            submitSaved.run();
                        }
                    });
            saveFirst.setCancelable(true);
            saveFirst.setCancelText("Keep editing");
            saveFirst.setId("save-before-submit");
            saveFirst.open();
        });
        Paragraph intro = new Paragraph(
                client.approvedForProduction()
                        ? "Production serves the approved version. Submit your changes to have them reviewed; contact e-mails "
                                + "and the settings URI apply to production at once."
                        : "Once the checklist is complete, submit the client. A reviewer checks it against the production rules "
                                + "before it works in production.");
        intro.addClassName("portal-muted");
        form.add(intro, note, problems, submit);
        return form;
    }

    private static String describe(ClientDetails client, Optional<ReviewRecord> latest) {
        return switch (client.status()) {
            case IN_REVIEW ->
                "Waiting for review since "
                        + latest.map(r -> Times.DATE_TIME.format(r.submittedAt()))
                                .orElse("now")
                        + ". The client cannot be edited until a reviewer decides or you withdraw it.";
            case CHANGES_REQUESTED -> "A reviewer asked for changes. Make them, then submit again.";
            case REJECTED -> "A reviewer rejected this client. It keeps working in the sandbox only.";
            case APPROVED ->
                client.unapprovedChanges()
                        ? "Approved. Production serves the approved version; your newer changes are not reviewed yet."
                        : "Approved " + Times.DATE_TIME.format(client.approvedAt())
                                + ". Production serves this version.";
            case DRAFT -> "Not submitted yet. The client works in the sandbox only.";
        };
    }
}
