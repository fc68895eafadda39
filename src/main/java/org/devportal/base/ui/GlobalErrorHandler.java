package org.devportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.devportal.base.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place unexpected errors in the UI end up. The user sees a friendly message and a reference; the
 * stack trace goes to the log under that reference, and nowhere else.
 */
@Component
class GlobalErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String reference = ErrorReference.next();
        String message;
        if (DatabaseUnavailable.isCauseOf(event.getThrowable())) {
            // An outage, not a bug: one line in the log, and a message that says the form can be sent again.
            log.warn(
                    "Database unavailable during a UI action [ref {}]: {}",
                    reference,
                    event.getThrowable().toString());
            message = DatabaseUnavailable.MESSAGE + " (Reference " + reference + ".)";
        } else {
            log.error("Unexpected error in the UI [ref {}]", reference, event.getThrowable());
            message = "Something went wrong and your last action may not have been saved. "
                    + "Try again; if it keeps happening, contact support with reference " + reference + ".";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                Notification notification = Notification.show(message, 10_000, Notification.Position.TOP_CENTER);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }
}
