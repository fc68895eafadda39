package org.devportal.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.devportal.base.ui.EmptyState;

/** A reviewer's start page: clients waiting for a production review. */
@Route("review")
@PageTitle("Review queue")
@Menu(order = 2, title = "Review queue", icon = "vaadin:clipboard-check")
@RolesAllowed("REVIEWER")
final class ReviewQueueView extends Div {

    ReviewQueueView() {
        addClassName("portal-page");
        Paragraph intro = new Paragraph("Clients that teams have submitted for production appear here, oldest first.");
        intro.addClassName("portal-muted");
        add(new H1("Review queue"), intro, new EmptyState(VaadinIcon.CLIPBOARD_CHECK, "Nothing to review",
                "When a team submits a client for production, it waits here for a decision."));
    }
}
