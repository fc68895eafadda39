package org.devportal.teams;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices invitations that expired unused and has their expiry recorded, once each. An expiry is nobody's action,
 * so nothing else would publish it. Runs every few minutes; the lock in the database keeps it to one node at a
 * time, and the rows it handles are locked as well, so a second run never records an expiry twice.
 */
@Component
class InvitationExpiryJob {

    private final TeamService teams;

    InvitationExpiryJob(TeamService teams) {
        this.teams = teams;
    }

    @Scheduled(
            fixedDelayString = "${portal.teams.invitation-expiry-interval:PT5M}",
            initialDelayString = "${portal.teams.invitation-expiry-delay:PT1M}")
    @SchedulerLock(name = "invitation-expiry", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void run() {
        teams.recordExpiredInvitations();
    }
}
