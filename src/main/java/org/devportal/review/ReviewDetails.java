package org.devportal.review;

import java.util.List;

/**
 * What a reviewer sees of one submission.
 *
 * @param review the submission and its frozen revision
 * @param diff the revision against the last approved one
 * @param checks the automatic checks
 * @param testEvidence the latest guided flow test, described, or null when there is none
 * @param thread the client's review thread
 * @param mayDecide false when the submission is decided, or when the reviewer belongs to the client's team
 * @param whyNot why the reviewer may not decide, or null
 */
public record ReviewDetails(
        ReviewRecord review,
        List<FieldDiff> diff,
        List<CheckResult> checks,
        String testEvidence,
        List<ThreadMessage> thread,
        boolean mayDecide,
        String whyNot) {}
