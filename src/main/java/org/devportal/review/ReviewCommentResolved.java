package org.devportal.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/** Someone marked a review comment pinned to a field resolved. The client's history records it. */
public record ReviewCommentResolved(
        UUID clientId, UUID teamId, String field, String comment, String actorSubject, String actorName, Instant at)
        implements Audited {

    @Override
    public String auditAction() {
        return "Review comment resolved";
    }

    @Override
    public List<FieldChange> auditChanges() {
        return List.of(new FieldChange("Comment on " + field, comment, "Resolved"));
    }
}
