package org.devportal.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.devportal.base.InvalidInputException;

/** Shows a rule violation from a service on the form field it names. */
final class FieldErrors {

    private FieldErrors() {}

    static void show(InvalidInputException error, HasValidation... fields) {
        for (HasValidation field : fields) {
            if (field instanceof com.vaadin.flow.component.Component component
                    && component.getId().filter(error.field()::equals).isPresent()) {
                field.setErrorMessage(error.getMessage());
                field.setInvalid(true);
                if (component instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                    focusable.focus();
                }
                return;
            }
        }
        Notification.show(error.getMessage(), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
