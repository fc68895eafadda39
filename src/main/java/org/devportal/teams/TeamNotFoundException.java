package org.devportal.teams;

/**
 * The team, or something in it, does not exist for the current user. Deliberately the same for "does not exist"
 * and "exists but you are not a member": whether something exists is itself information.
 */
public class TeamNotFoundException extends RuntimeException {

    public TeamNotFoundException() {
        super("Not found");
    }
}
