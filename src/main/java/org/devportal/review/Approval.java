package org.devportal.review;

/**
 * What a reviewer sends with an approval.
 *
 * @param comment for the team; optional, except that granting a PKCE exception needs the reviewer's written reason
 * @param pkceException the answer to the team's request for a PKCE exception; required exactly when the revision
 *        asks for one
 */
public record Approval(String comment, PkceDecision pkceException) {

    /** An approval of a revision that asks for no exception. */
    public static Approval withComment(String comment) {
        return new Approval(comment, null);
    }
}
