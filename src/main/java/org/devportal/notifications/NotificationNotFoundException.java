package org.devportal.notifications;

/** The notification does not exist, or is not addressed to the user; the two look the same on purpose. */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException() {
        super("This notification no longer exists or is not addressed to you");
    }
}
