package org.devportal.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.devportal.security.CurrentUser;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notifies teams in the app, and shows members the notifications of their teams. */
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

    /** Records a notification for every member of the team. The message must never contain a secret. */
    @Transactional
    public void notifyTeam(UUID teamId, UUID clientId, String message) {
        notifications.save(new Notification(teamId, clientId, message, clock.instant()));
    }

    /** Records a notification for everyone who holds the role, such as reviewers about a new submission. */
    @Transactional
    public void notifyRole(Role role, UUID clientId, String message) {
        notifications.save(Notification.forRole(role.name(), clientId, message, clock.instant()));
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
