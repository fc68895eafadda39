package org.devportal.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devportal.base.InvalidInputException;
import org.devportal.base.Mailer;
import org.devportal.base.Notice;
import org.devportal.base.NoticeTarget;
import org.devportal.base.Notifying;
import org.devportal.base.PortalProperties;
import org.devportal.security.CurrentUser;
import org.devportal.security.PortalUser;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the {@link Notice}s of every {@link Notifying} event in the app, shows each user the notifications of
 * their teams and roles with their own read marks, and keeps the users' e-mail settings. Other modules publish
 * events; none of them calls this service.
 */
@Service
public class NotificationService {

    /** The path of the page where users change their e-mail settings; the e-mails link to it. */
    public static final String SETTINGS_PATH = "/settings/notifications";

    private final NotificationRepository notifications;
    private final ReadMarks readMarks;
    private final NotificationPreferenceRepository preferences;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final Mailer mailer;
    private final PortalProperties portal;
    private final Clock clock;

    NotificationService(
            NotificationRepository notifications,
            ReadMarks readMarks,
            NotificationPreferenceRepository preferences,
            TeamService teams,
            CurrentUser currentUser,
            Mailer mailer,
            PortalProperties portal,
            Clock clock) {
        this.notifications = notifications;
        this.readMarks = readMarks;
        this.preferences = preferences;
        this.teams = teams;
        this.currentUser = currentUser;
        this.mailer = mailer;
        this.portal = portal;
        this.clock = clock;
    }

    /**
     * Records the notices of an event, in the transaction of the change that caused them: a notification never
     * announces a change that was rolled back. Notices to reviewers announce new submissions; the reviewers who
     * asked for it get them by e-mail as well, except the one who made the submission.
     */
    @EventListener
    void on(Notifying event) {
        Instant now = clock.instant();
        for (Notice notice : event.notices()) {
            notifications.save(new Notification(notice, now));
            if (Role.REVIEWER.name().equals(notice.role())) {
                mailToReviewers(notice);
            }
        }
    }

    private void mailToReviewers(Notice notice) {
        String link = notice.target() == null
                ? portal.url("/review")
                : portal.url(notice.target().path());
        String body = notice.message() + "\n\nOpen the review: " + link
                + "\n\nYou get this e-mail because you asked for an e-mail about each new submission. To stop them,"
                + " change your notification settings: " + portal.url(SETTINGS_PATH);
        // The reviewer who made the submission knows of it, and may not decide on it either.
        String actor = currentUser.get().map(PortalUser::subject).orElse(null);
        for (NotificationPreference preference : preferences.findByEmailNewSubmissionsTrue()) {
            if (preference.subject().equals(actor)) {
                continue;
            }
            mailer.send(preference.email(), notice.message(), body, link);
        }
    }

    /** The newest notifications of the current user's teams and roles. Read-write: a new user gets a team. */
    @Transactional
    public List<TeamNotification> recentForMe(int max) {
        Audience me = audience();
        List<Notification> recent =
                notifications.findForTeamsOrRoles(orNone(me.teamIds()), orNoRole(me.roles()), Limit.of(max));
        Set<UUID> read = readMarks.readAmong(
                me.subject(), recent.stream().map(Notification::id).toList());
        return recent.stream()
                .map(notification -> notification.view(read.contains(notification.id())))
                .toList();
    }

    /**
     * How many notifications addressed to the current user they have not read: the badge on the bell. A user who
     * no longer holds the reviewer role also stops getting e-mails about new submissions here, as the portal
     * cannot ask an external identity provider who the reviewers are.
     */
    @Transactional
    public int unreadCountForMe() {
        PortalUser user = currentUser.require();
        if (!user.hasRole(Role.REVIEWER)) {
            preferences.stopNewSubmissionEmails(user.subject());
        }
        return readMarks.unread(audience());
    }

    /**
     * Opens a notification addressed to the current user: marks it read and returns the page it leads to, if any.
     * The page checks access again when it opens.
     */
    @Transactional
    public Optional<NoticeTarget> open(UUID notificationId) {
        Audience me = audience();
        Notification notification = addressedTo(me, notificationId);
        readMarks.markRead(notificationId, me.subject(), clock.instant());
        return java.util.Optional.ofNullable(notification.target());
    }

    /** Marks one notification addressed to the current user read or unread, for them alone. */
    @Transactional
    public void markRead(UUID notificationId, boolean read) {
        Audience me = audience();
        addressedTo(me, notificationId);
        if (read) {
            readMarks.markRead(notificationId, me.subject(), clock.instant());
        } else {
            readMarks.markUnread(notificationId, me.subject());
        }
    }

    /** Marks every notification addressed to the current user read, for them alone. */
    @Transactional
    public void markAllReadForMe() {
        readMarks.markAllRead(audience(), clock.instant());
    }

    /** The current user's e-mail settings; every e-mail is off until they turn it on. */
    @Transactional(readOnly = true)
    public EmailSettings emailSettingsForMe() {
        PortalUser user = currentUser.require();
        boolean reviewer = user.hasRole(Role.REVIEWER);
        boolean newSubmissions = reviewer
                && preferences
                        .findById(user.subject())
                        .map(NotificationPreference::emailsNewSubmissions)
                        .orElse(false);
        return new EmailSettings(user.email(), reviewer, newSubmissions);
    }

    /**
     * Turns the e-mail about each new submission on or off for the current user, a reviewer. The e-mails go to the
     * address the user signed in with, which the identity provider must have verified.
     */
    @Transactional
    public EmailSettings setNewSubmissionEmails(boolean wanted) {
        PortalUser user = currentUser.requireRole(Role.REVIEWER);
        if (wanted && (user.email() == null || !user.emailVerified())) {
            throw new InvalidInputException(
                    "newSubmissions",
                    "Your e-mail address is not verified yet. Verify it with your identity provider, then try again.");
        }
        NotificationPreference preference =
                preferences.findById(user.subject()).orElseGet(() -> new NotificationPreference(user.subject()));
        preference.emailNewSubmissions(wanted, user.email() == null ? "" : user.email(), clock.instant());
        preferences.save(preference);
        return new EmailSettings(user.email(), true, wanted);
    }

    private Notification addressedTo(Audience me, UUID notificationId) {
        return notifications
                .findById(notificationId)
                .filter(me::includes)
                .orElseThrow(NotificationNotFoundException::new);
    }

    private Audience audience() {
        PortalUser user = currentUser.require();
        return new Audience(
                user.subject(),
                teams.myTeams().stream().map(TeamSummary::id).toList(),
                user.roles().stream().map(Role::name).toList());
    }

    // An empty "in ()" list is not valid everywhere; a value no row holds stands in for none.
    private static List<UUID> orNone(List<UUID> teamIds) {
        return teamIds.isEmpty() ? List.of(new UUID(0, 0)) : teamIds;
    }

    private static List<String> orNoRole(List<String> roles) {
        return roles.isEmpty() ? List.of("-") : roles;
    }
}
