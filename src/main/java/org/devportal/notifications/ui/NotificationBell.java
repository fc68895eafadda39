package org.devportal.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import org.devportal.base.ui.NavbarContribution;
import org.devportal.notifications.NotificationService;

/** The bell in the shell: the number of unread notifications, and the newest ones behind it. */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarContribution {

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        Span badge = new Span();
        badge.setId("notification-badge");
        badge.addClassName("portal-notification-badge");
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.setSuffixComponent(badge);
        bell.setId("notifications");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.setAriaLabelledBy("notification-list-title");
        // The popover opens in the browser on the click; the click also reaches the server, which fills the list.
        // The list is built on the first click: most pages are left without opening it, and every session would
        // otherwise keep its components.
        bell.addClickListener(event -> listIn(popover, bell, badge).open());
        bell.addAttachListener(event -> showUnread(bell, badge));
        return bell;
    }

    /** The popover's list, built on the first click. */
    private NotificationList listIn(Popover popover, Button bell, Span badge) {
        return popover.getChildren()
                .filter(NotificationList.class::isInstance)
                .map(NotificationList.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    NotificationList list = new NotificationList(notifications, () -> showUnread(bell, badge));
                    list.addOpenedListener(popover::close);
                    popover.add(list);
                    return list;
                });
    }

    private void showUnread(Button bell, Span badge) {
        int unread = notifications.unreadCountForMe();
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        String label = unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread";
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }
}
