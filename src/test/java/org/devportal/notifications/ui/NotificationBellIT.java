package org.devportal.notifications.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.notifications.NotificationService;
import org.devportal.security.Role;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.SignedIn;
import org.devportal.test.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The bell's badge and list, and the e-mail settings page, with the real services behind them. */
class NotificationBellIT extends ViewTest {

    record Announced(List<Notice> notices) implements Notifying {}

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ClientService clients;

    @Autowired
    TeamService teams;

    @Autowired
    NotificationService notifications;

    private final String member = "bell-ui-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void aTeamWithAClientAndTwoNotifications() {
        team = signInWithANewTeam(member, "Bell UI", Role.DEVELOPER);
        client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger", "https://ledger.example.com/cb");
        events.publishEvent(new Announced(List.of(
                Notice.toTeam(team.id(), client.id(), "Ledger: approved by Rita"),
                Notice.toTeam(team.id(), null, "Rita joined the team"))));
    }

    private static Button bell() {
        return _get(Button.class, spec -> spec.withId("notifications"));
    }

    private static Span badge() {
        return _get(Span.class, spec -> spec.withId("notification-badge"));
    }

    /** Karibu finds visible components only: an empty result means the badge is hidden. */
    private static boolean badgeShown() {
        return !_find(Span.class, spec -> spec.withId("notification-badge")).isEmpty();
    }

    private static List<Div> unreadItems() {
        return _find(Div.class, spec -> spec.withClasses("portal-notification-unread"));
    }

    private static Button item(String message) {
        return _get(Button.class, spec -> spec.withText(message));
    }

    @Test
    void the_badge_counts_unread_notifications_and_opening_the_list_clears_it_and_sets_the_new_ones_apart() {
        ui().navigate("teams");

        assertThat(badgeShown()).isTrue();
        assertThat(badge().getText()).isEqualTo("2");
        assertThat(bell().getAriaLabel()).hasValue("Notifications, 2 unread");
        _click(bell());

        assertThat(badgeShown()).isFalse();
        assertThat(bell().getAriaLabel()).hasValue("Notifications, none unread");
        assertThat(unreadItems()).hasSize(2);
        assertThat(notifications.unreadCountForMe()).isZero();
        _click(bell());
        assertThat(unreadItems()).as("the next time, nothing is new").isEmpty();
    }

    @Test
    void an_item_marked_unread_shows_on_the_badge_until_it_is_read_again() {
        ui().navigate("teams");
        _click(bell());

        _click(toggle("Rita joined the team"));

        assertThat(badge().getText()).isEqualTo("1");
        assertThat(unreadItems()).hasSize(1);
        assertThat(toggle("Rita joined the team").getAriaLabel()).hasValue("Mark as read");
        _click(toggle("Rita joined the team"));
        assertThat(badgeShown()).isFalse();
        assertThat(unreadItems()).isEmpty();
    }

    @Test
    void opening_a_notification_marks_it_read_and_goes_to_the_page_it_is_about() {
        ui().navigate("teams");
        _click(bell());
        _click(toggle("Ledger: approved by Rita"));
        assertThat(badge().getText()).isEqualTo("1");

        _click(item("Ledger: approved by Rita"));

        assertThat(ui().getInternals().getActiveViewLocation().getPath()).isEqualTo("clients/" + client.id());
        assertThat(badgeShown()).isFalse();
        _click(bell());
        _click(item("Rita joined the team"));
        assertThat(ui().getInternals().getActiveViewLocation().getPath()).isEqualTo("teams/" + team.id());
    }

    @Test
    void a_member_who_left_the_team_cannot_open_its_notification_nor_its_page() {
        String colleague = "bell-leaver-" + UUID.randomUUID() + "@example.com";
        teams.invite(team.id(), colleague, TeamRole.DEVELOPER);
        signInAs(SignedIn.as(colleague, Role.DEVELOPER));
        teams.acceptInvitation(mail.lastToken(colleague, "/invitation"));
        String colleagueSubject = UUID.nameUUIDFromBytes(colleague.getBytes()).toString();
        ui().navigate("teams");
        _click(bell());
        signInAs(SignedIn.as(member, Role.DEVELOPER));
        teams.removeMember(team.id(), colleagueSubject);
        signInAs(SignedIn.as(colleague, Role.DEVELOPER));

        _click(item("Ledger: approved by Rita"));

        assertThat(ui().getInternals().getActiveViewLocation().getPath()).isEqualTo("teams");
        assertThat(_find(Button.class, spec -> spec.withText("Ledger: approved by Rita")))
                .isEmpty();
        ui().navigate("clients/" + client.id());
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }

    @Test
    void a_reviewer_turns_on_e_mails_about_new_submissions_on_the_settings_page() {
        String reviewer = "bell-settings-" + UUID.randomUUID() + "@example.com";
        signInAs(SignedIn.as(reviewer, Role.REVIEWER));
        ui().navigate("settings/notifications");
        Checkbox newSubmissions = _get(Checkbox.class, spec -> spec.withId("email-new-submissions"));
        assertThat(newSubmissions.getValue()).isFalse();

        HasValueUtilsKt._setValue(newSubmissions, true);

        assertThat(notifications.emailSettingsForMe().newSubmissions()).isTrue();
        HasValueUtilsKt._setValue(newSubmissions, false);
        assertThat(notifications.emailSettingsForMe().newSubmissions()).isFalse();
    }

    @Test
    void a_developer_sees_which_e_mails_go_to_contacts_but_no_reviewer_setting() {
        ui().navigate("settings/notifications");

        assertThat(_find(Checkbox.class, spec -> spec.withId("email-new-submissions")))
                .isEmpty();
        assertThat(_get(H1.class).getText()).isEqualTo("E-mail settings");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("settings-address"))
                        .getText())
                .contains(member);
    }

    private Button toggle(String message) {
        return _get(Button.class, spec -> spec.withId("toggle-read-" + idOf(message)));
    }

    private String idOf(String message) {
        return notifications.recentForMe(20).stream()
                .filter(notification -> notification.message().equals(message))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
    }
}
