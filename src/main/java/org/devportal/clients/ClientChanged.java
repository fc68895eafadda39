package org.devportal.clients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/** A client was registered, edited or deleted. Carries who, when and which fields; never a secret. */
public record ClientChanged(
        UUID clientId,
        UUID teamId,
        String clientName,
        Action action,
        String actorSubject,
        String actorName,
        Instant at,
        List<FieldChange> changes)
        implements Audited {

    @Override
    public String auditAction() {
        return action.label();
    }

    @Override
    public List<FieldChange> auditChanges() {
        return changes;
    }

    public enum Action {
        REGISTERED("Registered"),
        UPDATED("Edited"),
        DELETED("Deleted"),
        SUBMITTED("Submitted for review"),
        WITHDRAWN("Withdrawn from review"),
        APPROVED("Approved"),
        CHANGES_REQUESTED("Changes requested"),
        REJECTED("Rejected"),
        SUSPENDED("Suspended in production"),
        REINSTATED("Reinstated in production"),
        APPROVAL_REVOKED("Approval revoked");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
