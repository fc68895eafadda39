/**
 * In-app notifications to teams and to roles, such as a secret about to expire or a new submission for reviewers.
 * Other modules never call it: they publish events that implement {@link org.devportal.base.Notifying}, and
 * {@link org.devportal.notifications.NotificationService} delivers their notices in the same transaction. Members
 * see them behind the bell in the shell.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"base", "base :: ui", "security", "teams"})
package org.devportal.notifications;
