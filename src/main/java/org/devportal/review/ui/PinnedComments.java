package org.devportal.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.review.ReviewService;
import org.devportal.review.ThreadMessage;

/**
 * The comments reviewers pinned to fields, at the top of the review page: the open ones, each with a way to mark it
 * resolved, and the resolved ones with how, folded away.
 */
final class PinnedComments extends Div {

    PinnedComments(ReviewService reviews, List<ThreadMessage> open, List<ThreadMessage> resolved, Runnable onChanged) {
        setId("pinned-comments-summary");
        if (open.isEmpty() && resolved.isEmpty()) {
            return;
        }
        add(new H2("Comments on fields"));
        Div openList = new Div();
        openList.setId("open-comments");
        if (open.isEmpty()) {
            Paragraph none = new Paragraph("Every comment on a field is resolved.");
            none.addClassName("portal-muted");
            openList.add(none);
        }
        for (ThreadMessage message : open) {
            Div item = comment(message, "Open", "badge");
            Button resolve = new Button("Mark resolved", event -> {
                try {
                    reviews.resolveComment(message.id());
                    onChanged.run();
                } catch (InvalidInputException | IllegalStateException e) {
                    Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    onChanged.run();
                }
            });
            resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            resolve.setId("resolve-" + message.id());
            item.add(resolve);
            openList.add(item);
        }
        add(openList);
        if (!resolved.isEmpty()) {
            Div resolvedList = new Div();
            resolvedList.setId("resolved-comments");
            for (ThreadMessage message : resolved) {
                Div item = comment(message, "Resolved", "badge success");
                Paragraph how = new Paragraph(message.resolution());
                how.addClassName("portal-muted");
                item.add(how);
                resolvedList.add(item);
            }
            Details folded = new Details("Resolved (" + resolved.size() + ")", resolvedList);
            folded.setOpened(open.isEmpty());
            add(folded);
        }
    }

    private static Div comment(ThreadMessage message, String state, String theme) {
        Div item = new Div();
        item.addClassName("portal-thread-message");
        Span badge = new Span(state);
        badge.getElement().getThemeList().add(theme);
        Span field = new Span(message.field());
        field.getElement().getThemeList().add("badge contrast");
        Span who = new Span(" " + message.author() + " · " + Times.DATE_TIME.format(message.createdAt()));
        who.addClassName("portal-muted");
        item.add(badge, new Span(" "), field, who, new Paragraph(message.text()));
        return item;
    }
}
