/**
 * In-app notifications to teams, such as a secret about to expire. Other modules call
 * {@link org.devportal.notifications.NotificationService#notifyTeam}; members see them behind the bell in the shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.devportal.notifications;
