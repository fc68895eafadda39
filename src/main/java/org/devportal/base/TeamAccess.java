package org.devportal.base;

import java.util.UUID;

/**
 * The team-membership check, for modules that sit beside the team module rather than above it (such as the audit
 * log), so they can guard what they show without depending on it. The team module implements it.
 */
public interface TeamAccess {

    /**
     * Returns normally when the signed-in user is a member of the team; otherwise throws the same "not found" the
     * team's own pages do, so nothing reveals that the team exists.
     */
    void requireMember(UUID teamId);
}
