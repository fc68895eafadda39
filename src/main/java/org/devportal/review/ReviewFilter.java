package org.devportal.review;

import java.util.Set;

/**
 * What the reviewers' queue shows.
 *
 * @param statuses the submissions' states; the queue's default is the waiting ones
 * @param minWaitingDays only submissions at least this many days old
 * @param team part of a team's name, or blank for every team
 */
public record ReviewFilter(Set<ReviewStatus> statuses, int minWaitingDays, String team) {

    public static ReviewFilter waiting() {
        return new ReviewFilter(Set.of(ReviewStatus.WAITING), 0, "");
    }
}
