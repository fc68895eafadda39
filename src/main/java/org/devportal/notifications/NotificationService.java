package org.devportal.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
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
    private final Clock clock;

    NotificationService(NotificationRepository notifications, TeamService teams, Clock clock) {
        this.notifications = notifications;
        this.teams = teams;
        this.clock = clock;
    }

    /** Records a notification for every member of the team. The message must never contain a secret. */
    @Transactional
    public void notifyTeam(UUID teamId, UUID clientId, String message) {
        notifications.save(new Notification(teamId, clientId, message, clock.instant()));
    }

    /** The newest notifications of the current user's teams. */
    @Transactional(readOnly = true)
    public List<TeamNotification> recentForMe(int max) {
        List<UUID> myTeams = teams.myTeams().stream().map(TeamSummary::id).toList();
        return notifications.findByTeamIdInOrderByCreatedAtDesc(myTeams, Limit.of(max)).stream()
                .map(Notification::view).toList();
    }
}
