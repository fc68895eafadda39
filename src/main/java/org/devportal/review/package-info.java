/**
 * Production reviews. A team submits a client; the submission freezes a revision. Reviewers see the queue, the
 * revision with its diffs against the last approved one and against the team's previous submission (each change
 * tagged with its risk), automatic checks, the test evidence with the latest flow test's whole redacted transcript,
 * and the comments pinned to fields, open until the field changes or someone marks them resolved (published as
 * {@link org.devportal.review.ReviewCommentResolved} for the history), and decide: approve, request changes or reject. Reviewers never decide on a submission they made, a
 * revision they edited, or a client of a team they belong or belonged to since it was registered (four-eyes). Decisions go to the client's lifecycle ({@link org.devportal.clients.ClientLifecycle}, a named
 * interface no other module may use), which makes an approved revision what production serves; comments form a thread the team can answer.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Review",
        allowedDependencies = {
            "base",
            "clients",
            "clients :: lifecycle",
            "clients :: machine",
            "clients :: redirecturi",
            "clients :: ui",
            "flowtest",
            "logos",
            "security",
            "security :: ui",
            "teams"
        })
package org.devportal.review;
