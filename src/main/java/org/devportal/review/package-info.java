/**
 * Reviews of clients for production: the reviewers' queue, decisions and diffs. For now it owns the reviewer's
 * start page, the review queue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.devportal.review;
