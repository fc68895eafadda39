package org.devportal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.AccountSummary;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountsViewIT extends ViewTest {

    @Autowired
    AccountService accounts;

    @Test
    void an_admin_finds_an_account_and_makes_it_a_reviewer() {
        String address = "future-reviewer-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(address, "Future Reviewer", "a long enough passphrase");
        signInAs("admin@example.com", Role.DEVELOPER, Role.ADMIN);
        ui().navigate("admin/accounts");

        _get(TextField.class, spec -> spec.withId("account-search")).setValue(address);
        @SuppressWarnings("unchecked")
        Grid<AccountSummary> grid = _get(Grid.class, spec -> spec.withId("accounts"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        com.vaadin.flow.component.checkbox.Checkbox toggle =
                (com.vaadin.flow.component.checkbox.Checkbox) GridKt._getCellComponent(grid, 0, "reviewer");
        // As if the user ticked it: the toggle reacts to changes from the client only.
        HasValueUtilsKt._setValue(toggle, true);

        assertThat(accounts.listAccounts())
                .filteredOn(a -> a.email().equals(address))
                .singleElement()
                .satisfies(a -> assertThat(a.roles()).contains(Role.REVIEWER));
    }

    @Test
    void a_developer_cannot_open_the_accounts_page() {
        signInAs("dev@example.com", Role.DEVELOPER);

        ui().navigate("admin/accounts");

        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }
}
