package org.devportal.teams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * Something changed in a team's membership: a member joined, was removed or left, or got another role, or an
 * invitation was sent, accepted, revoked or expired. Names the member or the invited address in its changes; never
 * an invitation's link or token.
 */
public record TeamChanged(
        UUID teamId, Action action, String actorSubject, String actorName, Instant at, List<FieldChange> changes)
        implements Audited {

    /** Who acts when the portal itself notices something, such as an invitation that expired. */
    static final String PORTAL_SUBJECT = "portal";

    static final String PORTAL_NAME = "Portal";

    public TeamChanged {
        changes = List.copyOf(changes);
    }

    @Override
    public UUID clientId() {
        return null;
    }

    @Override
    public String auditAction() {
        return action.label();
    }

    @Override
    public List<FieldChange> auditChanges() {
        return changes;
    }

    public enum Action {
        MEMBER_ADDED("Member added"),
        MEMBER_REMOVED("Member removed"),
        MEMBER_LEFT("Member left"),
        ROLE_CHANGED("Role changed"),
        INVITATION_SENT("Invitation sent"),
        INVITATION_ACCEPTED("Invitation accepted"),
        INVITATION_REVOKED("Invitation revoked"),
        INVITATION_EXPIRED("Invitation expired");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
