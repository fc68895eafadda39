package org.devportal.teams;

import java.util.UUID;

/** A team as one of its members sees it. */
public record TeamSummary(UUID id, String name, boolean personal, TeamRole myRole, int memberCount) {

    public boolean isOwner() {
        return myRole == TeamRole.OWNER;
    }
}
