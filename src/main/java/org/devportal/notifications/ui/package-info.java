/** The notification bell and its list in the application shell, and the e-mail settings page. */
package org.devportal.notifications.ui;
