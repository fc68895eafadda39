package org.devportal.review;

/**
 * What a reviewer sends with an approval.
 *
 * @param comment for the team; optional, except that granting a PKCE exception needs the reviewer's written reason
 * @param pkceException the answer to the team's request for a PKCE exception; required exactly when the revision
 *        asks for one
 * @param acknowledgement the reviewer's written acknowledgement of the automatic checks that fail; required exactly
 *        when one fails
 */
public record Approval(String comment, PkceDecision pkceException, String acknowledgement) {

    /** An approval without an answer on a PKCE exception or an acknowledgement. */
    public Approval(String comment, PkceDecision pkceException) {
        this(comment, pkceException, null);
    }

    /** An approval of a revision that asks for no exception and fails no check. */
    public static Approval withComment(String comment) {
        return new Approval(comment, null, null);
    }
}
