package org.devportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.devportal.security.Role;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.Test;

class ShellViewIT extends ViewTest {

    @Test
    void a_developer_lands_on_their_clients_with_an_empty_state_and_sees_only_developer_navigation() {
        signInAs("dev@example.com", Role.DEVELOPER);

        ui().navigate("");

        assertThat(_get(H1.class).getText()).endsWith(": clients");
        assertThat(_get(EmptyState.class).getElement().getTextRecursively()).contains("No clients yet");
        assertThat(navigationLabels()).containsExactly("Your clients", "Teams", "E-mail settings", "Passkeys");
    }

    @Test
    void a_reviewer_lands_on_the_review_queue() {
        signInAs("reviewer@example.com", Role.DEVELOPER, Role.REVIEWER);

        ui().navigate("");

        assertThat(_get(H1.class).getText()).isEqualTo("Review queue");
        assertThat(_get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("review-queue"))
                        .isVisible())
                .isTrue();
        assertThat(navigationLabels())
                .containsExactly("Your clients", "Review queue", "Teams", "E-mail settings", "Passkeys");
    }

    @Test
    void an_admin_also_sees_the_accounts_page_in_the_navigation() {
        signInAs("admin@example.com", Role.DEVELOPER, Role.ADMIN);

        ui().navigate("");

        assertThat(navigationLabels())
                .containsExactly("Your clients", "Teams", "E-mail settings", "Passkeys", "Accounts", "Audit log");
    }

    @Test
    void a_developer_who_opens_the_review_queue_by_url_sees_not_found() {
        signInAs("dev@example.com", Role.DEVELOPER);

        ui().navigate("review");

        assertThat(_find(H1.class)).extracting(H1::getText).containsExactly("Page not found");
    }

    private static List<String> navigationLabels() {
        return _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
    }
}
