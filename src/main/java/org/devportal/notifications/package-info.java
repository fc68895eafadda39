/**
 * In-app notifications to teams and to roles, such as a secret about to expire or a new submission for reviewers.
 * Other modules never call it: they publish events that implement {@link org.devportal.base.Notifying}, and
 * {@link org.devportal.notifications.NotificationService} delivers their notices in the same transaction. Members
 * see them behind the bell in the shell, each with their own read marks, and open the page each one links to (a
 * {@link org.devportal.base.NoticeTarget}). It also owns the users' e-mail settings, and mails the reviewers who asked
 * for it about each new submission. It publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"base", "base :: ui", "security", "teams"})
package org.devportal.notifications;
