package org.devportal.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the {@link Notice}s of every {@link Notifying} event in the app, and shows members the notifications of
 * their teams and roles. Other modules publish events; none of them calls this service.
 */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final TeamService teams;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, TeamService teams, CurrentUser currentUser, Clock clock) {
        this.notifications = notifications;
        this.teams = teams;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records the notices of an event, in the transaction of the change that caused them: a notification never
     * announces a change that was rolled back.
     */
    @EventListener
    void on(Notifying event) {
        Instant now = clock.instant();
        for (Notice notice : event.notices()) {
            notifications.save(
                    notice.teamId() != null
                            ? new Notification(notice.teamId(), notice.clientId(), notice.message(), now)
                            : Notification.forRole(notice.role(), notice.clientId(), notice.message(), now));
        }
    }

    /** The newest notifications of the current user's teams and roles. Read-write: a new user gets a team. */
    @Transactional
    public List<TeamNotification> recentForMe(int max) {
        List<UUID> myTeams = teams.myTeams().stream().map(TeamSummary::id).toList();
        List<String> myRoles =
                currentUser.require().roles().stream().map(Role::name).toList();
        // An empty "in ()" list is not valid everywhere; a value no row holds stands in for none.
        return notifications
                .findForTeamsOrRoles(
                        myTeams.isEmpty() ? List.of(new UUID(0, 0)) : myTeams,
                        myRoles.isEmpty() ? List.of("-") : myRoles,
                        Limit.of(max))
                .stream()
                .map(Notification::view)
                .toList();
    }
}
