package org.devportal.review;

import java.util.Locale;

/** A decision on a submission that is no longer waiting: someone decided first, or the team withdrew it. */
public class AlreadyDecidedException extends RuntimeException {

    public AlreadyDecidedException(ReviewStatus status, String decidedBy) {
        super(
                status == ReviewStatus.WITHDRAWN
                        ? "The team withdrew this submission; there is nothing to decide"
                        : "Another reviewer decided first: " + status.label().toLowerCase(Locale.ROOT)
                                + (decidedBy == null ? "" : " by " + decidedBy) + ". Your decision was not recorded.");
    }

    /** Two decisions raced and this one lost. */
    static AlreadyDecidedException concurrent() {
        return new AlreadyDecidedException(ReviewStatus.APPROVED, null) {
            @Override
            public String getMessage() {
                return "Another reviewer decided on this submission at the same moment. Your decision was not "
                        + "recorded; reload to see theirs.";
            }
        };
    }
}
