package org.devportal.review;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;

/** A reviewer approved a submission, asked for changes or rejected it. The team hears about it. */
public record ReviewDecided(UUID clientId, UUID teamId, String clientName, ReviewStatus decision, String reviewer)
        implements Notifying {

    /** The one-line summary the team reads in the portal and at the top of the e-mail. */
    public String summary() {
        return clientName + ": " + decision.label().toLowerCase(Locale.ROOT) + " by " + reviewer;
    }

    @Override
    public List<Notice> notices() {
        return List.of(Notice.toTeam(teamId, clientId, summary()));
    }
}
