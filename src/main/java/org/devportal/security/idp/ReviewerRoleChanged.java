package org.devportal.security.idp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * An administrator granted or revoked an account's reviewer role. It belongs to no team and no client, so only the
 * administrators' audit log shows it.
 */
public record ReviewerRoleChanged(
        UUID accountId, String accountEmail, boolean granted, String actorSubject, String actorName, Instant at)
        implements Audited {

    @Override
    public UUID clientId() {
        return null;
    }

    @Override
    public UUID teamId() {
        return null;
    }

    @Override
    public String auditAction() {
        return granted ? "Reviewer role granted" : "Reviewer role revoked";
    }

    @Override
    public List<FieldChange> auditChanges() {
        return List.of(
                new FieldChange("Account", null, accountEmail),
                new FieldChange("Reviewer", granted ? "No" : "Yes", granted ? "Yes" : "No"));
    }
}
