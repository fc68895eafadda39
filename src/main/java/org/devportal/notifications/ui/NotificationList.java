package org.devportal.notifications.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.devportal.notifications.NotificationNotFoundException;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;

/**
 * The newest notifications of the user. Opening the list marks them all read, which clears the badge, while the list
 * still sets apart the ones that were unread until then. Opening one goes to its page; each can be marked unread (or
 * read again), to come back to it. Every change tells the bell to show the new count.
 */
class NotificationList extends Div {

    private static final int SHOWN = 20;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final NotificationService notifications;
    private final Runnable changed;
    private final Div items = new Div();

    NotificationList(NotificationService notifications, Runnable changed) {
        this.notifications = notifications;
        this.changed = changed;
        setId("notification-list");
        setWidth("24rem");
        H3 title = new H3("Notifications");
        title.setId("notification-list-title");
        title.getStyle().set("margin", "0");
        RouterLink settings = new RouterLink("E-mail settings", NotificationSettingsView.class);
        settings.addClassName("portal-muted");
        add(title, items, settings);
    }

    /** Fires when the user opened a notification and is being taken to its page. */
    Registration addOpenedListener(Runnable listener) {
        return addListener(Opened.class, (ComponentEventListener<Opened>) event -> listener.run());
    }

    /** Shows the newest notifications as the user opens the list, and marks them all read. */
    void open() {
        List<TeamNotification> recent = show();
        if (recent.stream().anyMatch(notification -> !notification.read())) {
            notifications.markAllReadForMe();
            changed.run();
            items.removeAll();
            recent.forEach(notification -> items.add(item(notification, true)));
        }
    }

    private List<TeamNotification> show() {
        items.removeAll();
        List<TeamNotification> recent = notifications.recentForMe(SHOWN);
        if (recent.isEmpty()) {
            items.add(new Paragraph(
                    "No notifications yet. Expiring secrets, submissions and review decisions appear here."));
        }
        recent.forEach(notification -> items.add(item(notification, notification.read())));
        return recent;
    }

    /**
     * @param readNow whether it is read by now: right after the list opened every item is, while the ones that were
     *     unread until then stay set apart
     */
    private Div item(TeamNotification notification, boolean readNow) {
        Button message = new Button(notification.message(), event -> follow(notification));
        message.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        message.addClassName("portal-notification-message");
        message.setId("notification-" + notification.id());
        Span when = new Span(WHEN.format(notification.createdAt()) + (notification.read() ? "" : " · New"));
        when.addClassName("portal-muted");
        Div text = new Div(message, new Div(when));
        text.addClassName("portal-notification-text");
        Button toggle = new Button(
                (readNow ? VaadinIcon.CIRCLE_THIN : VaadinIcon.CHECK_CIRCLE_O).create(),
                event -> markRead(notification, !readNow));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        toggle.setId("toggle-read-" + notification.id());
        String action = readNow ? "Mark as unread" : "Mark as read";
        toggle.setAriaLabel(action);
        toggle.setTooltipText(action);
        Div item = new Div(text, toggle);
        item.addClassName("portal-notification");
        if (!notification.read()) {
            item.addClassName("portal-notification-unread");
        }
        return item;
    }

    private void follow(TeamNotification notification) {
        try {
            notifications
                    .open(notification.id())
                    .ifPresentOrElse(
                            target -> {
                                fireEvent(new Opened(this));
                                changed.run();
                                UI.getCurrent().navigate(target.path().substring(1));
                            },
                            this::afterChange);
        } catch (NotificationNotFoundException e) {
            gone(e);
        }
    }

    private void markRead(TeamNotification notification, boolean read) {
        try {
            notifications.markRead(notification.id(), read);
            afterChange();
        } catch (NotificationNotFoundException e) {
            gone(e);
        }
    }

    private void gone(NotificationNotFoundException e) {
        Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
        afterChange();
    }

    private void afterChange() {
        show();
        changed.run();
    }

    private static final class Opened extends ComponentEvent<NotificationList> {
        Opened(NotificationList source) {
            super(source, false);
        }
    }
}
