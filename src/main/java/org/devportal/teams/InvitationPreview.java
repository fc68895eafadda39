package org.devportal.teams;

import java.time.Instant;

/** What the invitation page shows before the user accepts. */
public record InvitationPreview(
        Status status, String teamName, String invitedBy, String email, TeamRole role, Instant expiresAt) {

    public enum Status {
        /** The signed-in user can accept it. */
        ACCEPTABLE("You can join this team."),
        /** The invitation is for another address than the signed-in user's. */
        OTHER_ADDRESS("This invitation is for another e-mail address. Sign in with the account it was sent to."),
        /** The signed-in user's address matches but is not verified yet. */
        UNVERIFIED("Verify your e-mail address first, with the link we sent when you signed up. If you have just "
                + "verified it, sign out and in again."),
        ALREADY_MEMBER("You are already a member of this team."),
        EXPIRED("This invitation has expired. Ask a team owner to invite you again."),
        USED("This invitation has already been used."),
        REVOKED("This invitation was withdrawn. Ask a team owner to invite you again."),
        INVALID("This invitation link is not valid. Copy the whole link from the e-mail.");

        private final String message;

        Status(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    static InvitationPreview of(Status status) {
        return new InvitationPreview(status, null, null, null, null, null);
    }
}
