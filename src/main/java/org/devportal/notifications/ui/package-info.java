/** The notification bell in the application shell. */
package org.devportal.notifications.ui;
