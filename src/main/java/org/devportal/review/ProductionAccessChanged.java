package org.devportal.review;

import java.util.List;
import java.util.UUID;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;

/** A reviewer or administrator suspended a client at production, reinstated it, or revoked its approval. */
public record ProductionAccessChanged(
        UUID clientId, UUID teamId, String clientName, Action action, String actorName, String reason)
        implements Notifying {

    public enum Action {
        SUSPENDED("suspended in production"),
        REINSTATED("reinstated in production"),
        APPROVAL_REVOKED("no longer approved for production");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The one line the team reads in the portal and as the e-mail's subject. */
    public String summary() {
        return clientName + ": " + action.label() + " by " + actorName;
    }

    @Override
    public List<Notice> notices() {
        return List.of(Notice.toTeam(teamId, clientId, summary() + ". Reason: " + reason));
    }
}
