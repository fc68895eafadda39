package org.devportal.review;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.NoticeTarget;
import org.devportal.base.Notifying;
import org.devportal.security.Role;

/**
 * A team submitted a client for review. The team hears about it on the client's page; every reviewer hears about it
 * on the review's page, and by e-mail if they asked for that.
 */
public record ReviewSubmitted(
        UUID clientId, UUID reviewId, UUID teamId, String teamName, String clientName, String submittedBy)
        implements Notifying {

    @Override
    public List<Notice> notices() {
        return List.of(
                Notice.toTeam(teamId, clientId, submittedBy + " submitted " + clientName + " for review"),
                Notice.toRole(Role.REVIEWER.name(), clientId, "New submission: " + clientName + " from " + teamName)
                        .linkingTo(NoticeTarget.review(reviewId)));
    }
}
