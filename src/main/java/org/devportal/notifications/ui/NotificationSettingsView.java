package org.devportal.notifications.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.devportal.base.InvalidInputException;
import org.devportal.notifications.EmailSettings;
import org.devportal.notifications.NotificationService;

/**
 * The user's e-mail settings. Reviewers choose whether they get an e-mail for each new submission; everyone sees
 * which e-mails the portal sends them anyway.
 */
@Route("settings/notifications")
@PageTitle("E-mail settings")
@Menu(order = 80, title = "E-mail settings", icon = "vaadin:envelope-o")
@PermitAll
final class NotificationSettingsView extends Div {

    private final NotificationService notifications;
    private final Checkbox newSubmissions = new Checkbox("E-mail me when a client is submitted for review");

    NotificationSettingsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("portal-page");
        EmailSettings settings = notifications.emailSettingsForMe();
        Paragraph address = new Paragraph("E-mails go to " + settings.email() + ", the address you signed in with.");
        address.setId("settings-address");
        Paragraph always = new Paragraph("The contacts of a client get an e-mail when a reviewer decides on it, when "
                + "it is suspended, reinstated or loses its approval, when one of its secrets is about to expire, "
                + "and when its contact e-mails or settings URI change. No address gets more than a set number of "
                + "e-mails an hour.");
        always.addClassName("portal-muted");
        add(new H1("E-mail settings"), address);
        newSubmissions.setId("email-new-submissions");
        newSubmissions.setValue(settings.newSubmissions());
        newSubmissions.setHelperText("Off by default. Each e-mail links to the review.");
        newSubmissions.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                save(event.getValue(), event.getOldValue());
            }
        });
        if (settings.reviewer()) {
            add(newSubmissions);
        }
        add(always);
    }

    private void save(boolean wanted, boolean before) {
        try {
            notifications.setNewSubmissionEmails(wanted);
            newSubmissions.setInvalid(false);
            Notification.show(
                            wanted
                                    ? "You will get an e-mail for each new submission."
                                    : "You will no longer get e-mails about new submissions.",
                            3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            newSubmissions.setValue(before);
            newSubmissions.setInvalid(true);
            newSubmissions.setErrorMessage(e.getMessage());
        }
    }
}
