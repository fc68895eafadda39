package org.devportal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What the administrators' audit log shows: every filter that is set must match; null means any. The time range
 * includes {@code from} and excludes {@code to}.
 *
 * @param actor the start of the actor's name, matched without regard to case
 * @param action the action exactly as the log shows it ("Member removed")
 */
public record AuditFilter(UUID teamId, UUID clientId, String actor, String action, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action.strip();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new org.devportal.base.InvalidInputException(
                    "to", "The end of the time range must be after its start");
        }
    }

    public AuditFilter withTeam(UUID team) {
        return new AuditFilter(team, clientId, actor, action, from, to);
    }

    public AuditFilter withClient(UUID client) {
        return new AuditFilter(teamId, client, actor, action, from, to);
    }

    public AuditFilter withActor(String name) {
        return new AuditFilter(teamId, clientId, name, action, from, to);
    }

    public AuditFilter withAction(String name) {
        return new AuditFilter(teamId, clientId, actor, name, from, to);
    }

    public AuditFilter between(Instant start, Instant end) {
        return new AuditFilter(teamId, clientId, actor, action, start, end);
    }
}
