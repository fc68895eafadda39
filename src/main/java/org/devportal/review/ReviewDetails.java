package org.devportal.review;

import java.util.List;

/**
 * What a reviewer sees of one submission.
 *
 * @param review the submission and its frozen revision
 * @param diffs the revision against the last approved one and against the previous submission
 * @param checks the automatic checks
 * @param testEvidence the latest guided flow test, described, or null when there is none
 * @param thread the client's review thread, pinned comments with how they were resolved
 * @param mayDecide false when the submission is decided, or when the reviewer belongs to the client's team
 * @param whyNot why the reviewer may not decide, or null
 */
public record ReviewDetails(
        ReviewRecord review,
        ReviewDiffs diffs,
        List<CheckResult> checks,
        String testEvidence,
        List<ThreadMessage> thread,
        boolean mayDecide,
        String whyNot) {

    /** Every field against the last approved revision, with its risks: what an approval puts into production. */
    public List<FieldDiff> diff() {
        return diffs.sinceApproval();
    }

    /** The comments pinned to fields that nobody has resolved yet, oldest first. */
    public List<ThreadMessage> openComments() {
        return thread.stream().filter(ThreadMessage::open).toList();
    }

    /** The comments pinned to fields that are resolved, oldest first. */
    public List<ThreadMessage> resolvedComments() {
        return thread.stream()
                .filter(message -> message.pinned() && !message.open())
                .toList();
    }
}
