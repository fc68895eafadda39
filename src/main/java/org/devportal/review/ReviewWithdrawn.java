package org.devportal.review;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;

/** A team took its waiting submission back. The team hears about it. */
public record ReviewWithdrawn(UUID clientId, UUID teamId, String clientName, String withdrawnBy) implements Notifying {

    @Override
    public List<Notice> notices() {
        return List.of(Notice.toTeam(teamId, clientId, withdrawnBy + " withdrew " + clientName + " from review"));
    }
}
