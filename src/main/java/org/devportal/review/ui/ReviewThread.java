package org.devportal.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.review.ReviewService;
import org.devportal.review.ThreadMessage;

/**
 * A client's review thread: reviewers' comments and the team's answers, with a reply box. A comment pinned to a field
 * says whether it is open or resolved, and an open one can be marked resolved by the team or a reviewer.
 */
final class ReviewThread extends Div {

    private final ReviewService reviews;
    private final UUID clientId;
    private final Div messages = new Div();
    private final TextArea reply = new TextArea("Reply");

    ReviewThread(ReviewService reviews, UUID clientId) {
        this.reviews = reviews;
        this.clientId = clientId;
        setId("review-thread");
        messages.setId("review-thread-messages");
        reply.setId("review-reply");
        reply.setWidthFull();
        reply.setMaxLength(4000);
        Button send = new Button("Send", event -> send());
        send.setId("review-reply-send");
        add(new H3("Review conversation"), messages, reply, send);
        refresh();
    }

    void refresh() {
        messages.removeAll();
        List<ThreadMessage> thread = reviews.thread(clientId);
        if (thread.isEmpty()) {
            Paragraph empty = new Paragraph("No messages yet. Reviewers' comments and your answers appear here.");
            empty.addClassName("portal-muted");
            messages.add(empty);
        }
        for (ThreadMessage message : thread) {
            Div item = new Div();
            item.addClassName("portal-thread-message");
            Span who = new Span(message.author() + (message.fromReviewer() ? " (reviewer)" : "") + " · "
                    + Times.DATE_TIME.format(message.createdAt()));
            who.addClassName("portal-muted");
            item.add(who);
            if (message.pinned()) {
                Span field = new Span(message.field());
                field.getElement().getThemeList().add("badge contrast");
                Span state = new Span(message.open() ? "Open" : "Resolved");
                state.getElement().getThemeList().add(message.open() ? "badge" : "badge success");
                item.add(new Span(" "), field, new Span(" "), state);
            }
            item.add(new Paragraph(message.text()));
            if (message.open()) {
                Button resolve = new Button("Mark resolved", event -> resolve(message));
                resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                resolve.setId("thread-resolve-" + message.id());
                item.add(resolve);
            } else if (message.pinned()) {
                Paragraph how = new Paragraph(message.resolution());
                how.addClassName("portal-muted");
                item.add(how);
            }
            messages.add(item);
        }
    }

    private void resolve(ThreadMessage message) {
        try {
            reviews.resolveComment(message.id());
        } catch (InvalidInputException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void send() {
        try {
            reviews.reply(clientId, reply.getValue());
            reply.clear();
            reply.setInvalid(false);
            refresh();
        } catch (InvalidInputException e) {
            reply.setErrorMessage(e.getMessage());
            reply.setInvalid(true);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
