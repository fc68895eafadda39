package org.devportal.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devportal.base.Audited;
import org.devportal.base.FieldChange;

/**
 * A user came back from a step-up at the identity provider with a fresh second factor, for the action that asked for
 * it. It belongs to no team and no client, so only the administrators' audit log shows it.
 */
public record StepUpPassed(
        String actorSubject, String actorName, String email, StepUpAction action, List<String> methods, Instant at)
        implements Audited {

    public StepUpPassed {
        methods = List.copyOf(methods);
    }

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
        return "Step-up passed";
    }

    @Override
    public List<FieldChange> auditChanges() {
        return List.of(
                new FieldChange("Account", null, email),
                new FieldChange("For", null, action.description()),
                new FieldChange("Second factor", null, methods.isEmpty() ? "acr" : String.join(", ", methods)));
    }
}
