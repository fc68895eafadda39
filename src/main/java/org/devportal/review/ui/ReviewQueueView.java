package org.devportal.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import org.devportal.base.Times;
import org.devportal.review.ReviewFilter;
import org.devportal.review.ReviewService;
import org.devportal.review.ReviewStatus;
import org.devportal.review.ReviewSummary;

/** A reviewer's start page: submissions, oldest first, filtered by state, age and team. */
@Route("review")
@PageTitle("Review queue")
@Menu(order = 2, title = "Review queue", icon = "vaadin:clipboard-check")
@RolesAllowed("REVIEWER")
final class ReviewQueueView extends Div {

    private static final String DECIDED = "Decided";
    private static final String WAITING = "Waiting";
    private static final String ALL = "All";

    private final ReviewService reviews;
    private final Grid<ReviewSummary> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final IntegerField minDays = new IntegerField("Waiting at least (days)");
    private final TextField team = new TextField("Team");

    ReviewQueueView(ReviewService reviews) {
        this.reviews = reviews;
        addClassName("portal-page");
        Paragraph intro = new Paragraph("Clients that teams have submitted for production, oldest first. You cannot "
                + "decide on clients of your own teams.");
        intro.addClassName("portal-muted");
        status.setLabel("State");
        status.setId("queue-status");
        status.setItems(WAITING, DECIDED, ALL);
        status.setValue(WAITING);
        minDays.setId("queue-min-days");
        minDays.setMin(0);
        minDays.setValue(0);
        minDays.setStepButtonsVisible(true);
        team.setId("queue-team");
        team.setValueChangeMode(ValueChangeMode.LAZY);
        team.setClearButtonVisible(true);
        status.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        minDays.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        team.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        grid.setId("review-queue");
        grid.addColumn(ReviewSummary::clientName)
                .setHeader("Client")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(ReviewSummary::teamName).setHeader("Team").setAutoWidth(true);
        grid.addColumn(r -> "#" + r.revision()).setHeader("Revision").setAutoWidth(true);
        grid.addColumn(r -> r.status().label()).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.submittedBy() + ", " + Times.DATE.format(r.submittedAt()))
                .setHeader("Submitted")
                .setAutoWidth(true);
        grid.addColumn(r -> r.waitingDays() == 1 ? "1 day" : r.waitingDays() + " days")
                .setHeader("Age")
                .setAutoWidth(true);
        grid.setItems(
                query -> reviews.queue(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> reviews.count(filter()));
        grid.setEmptyStateText("Nothing matches. When a team submits a client for production, it waits here.");
        grid.addItemClickListener(event ->
                getUI().ifPresent(ui -> ui.navigate("review/" + event.getItem().id())));
        HorizontalLayout filters = new HorizontalLayout(status, minDays, team);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new H1("Review queue"), intro, filters, grid);
    }

    private ReviewFilter filter() {
        Set<ReviewStatus> statuses = switch (status.getValue() == null ? WAITING : status.getValue()) {
            case DECIDED -> EnumSet.of(ReviewStatus.APPROVED, ReviewStatus.CHANGES_REQUESTED, ReviewStatus.REJECTED);
            case ALL -> EnumSet.allOf(ReviewStatus.class);
            default -> EnumSet.of(ReviewStatus.WAITING);
        };
        return new ReviewFilter(
                statuses, minDays.getValue() == null ? 0 : Math.max(0, minDays.getValue()), team.getValue());
    }
}
