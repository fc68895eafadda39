package org.devportal.review;

import java.util.List;

/**
 * The two comparisons a reviewer reads for a submission.
 *
 * @param sinceApproval every field against the last approved revision; before the first approval every field is
 *        new, and its risks still say what to look at
 * @param firstApproval whether no revision of the client has been approved yet
 * @param sincePrevious only the fields that changed since the previous submission of the client, with the risks
 *        the change brought; empty when nothing changed or there was no previous submission
 * @param previousRevision the previous submission's revision number, or null when this is the first submission
 * @param previousOutcome how the previous submission ended, or null when this is the first submission
 */
public record ReviewDiffs(
        List<FieldDiff> sinceApproval,
        boolean firstApproval,
        List<FieldDiff> sincePrevious,
        Integer previousRevision,
        ReviewStatus previousOutcome) {

    public ReviewDiffs {
        sinceApproval = List.copyOf(sinceApproval);
        sincePrevious = List.copyOf(sincePrevious);
    }

    /** Whether there is a previous submission to compare with. */
    public boolean hasPrevious() {
        return previousRevision != null;
    }
}
