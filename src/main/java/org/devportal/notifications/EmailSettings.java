package org.devportal.notifications;

/**
 * A user's e-mail settings for notifications.
 *
 * @param email where the e-mails go: the address the user signed in with
 * @param reviewer whether the user is a reviewer, who alone can choose e-mails about new submissions
 * @param newSubmissions whether the user gets an e-mail for each client submitted for review
 */
public record EmailSettings(String email, boolean reviewer, boolean newSubmissions) {}
