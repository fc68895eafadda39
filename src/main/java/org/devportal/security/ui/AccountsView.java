package org.devportal.security.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Times;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.AccountSummary;

/** Administrators grant and revoke the reviewer role on the built-in identity provider's accounts. */
@Route("admin/accounts")
@PageTitle("Accounts")
@Menu(order = 90, title = "Accounts", icon = "vaadin:users")
@RolesAllowed("ADMIN")
final class AccountsView extends Div {

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private List<AccountSummary> all = List.of();

    AccountsView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("portal-page");
        Paragraph intro = new Paragraph("Accounts of the portal's built-in sign-in. A role change takes effect the "
                + "next time the person signs in. With an external identity provider, roles come from its claims.");
        intro.addClassName("portal-muted");
        search.setId("account-search");
        search.setPlaceholder("Search by e-mail or name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(event -> filter());
        grid.setId("accounts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AccountSummary::email)
                .setHeader("E-mail")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(AccountSummary::displayName)
                .setHeader("Name")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(a -> a.emailVerified() ? "Verified" : "Not verified").setHeader("E-mail status");
        grid.addColumn(a -> a.roles().stream()
                        .map(r -> r.name().toLowerCase(Locale.ROOT))
                        .sorted()
                        .collect(Collectors.joining(", ")))
                .setHeader("Roles");
        grid.addColumn(a -> Times.DATE.format(a.createdAt())).setHeader("Created");
        grid.addComponentColumn(this::reviewerToggle).setHeader("Reviewer").setKey("reviewer");
        grid.setEmptyStateText("No accounts match the search.");
        add(new H1("Accounts"), intro, search, grid);
        reload();
    }

    private Checkbox reviewerToggle(AccountSummary account) {
        Checkbox reviewer = new Checkbox(account.roles().contains(Role.REVIEWER));
        reviewer.setAriaLabel("Reviewer: " + account.email());
        reviewer.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            try {
                AccountSummary updated = accounts.setReviewer(account.id(), event.getValue());
                Notification.show(
                                updated.email()
                                        + (event.getValue() ? " is now a reviewer." : " is no longer a reviewer.")
                                        + " It takes effect at their next sign-in.",
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                reload();
            } catch (InvalidInputException e) {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                reload();
            }
        });
        return reviewer;
    }

    private void reload() {
        all = accounts.listAccounts();
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(all.stream()
                .filter(a -> term.isEmpty()
                        || a.email().contains(term)
                        || a.displayName().toLowerCase(Locale.ROOT).contains(term))
                .toList());
    }
}
