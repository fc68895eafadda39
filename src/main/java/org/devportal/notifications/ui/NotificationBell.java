package org.devportal.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.devportal.base.ui.NavbarContribution;
import org.devportal.notifications.NotificationService;
import org.devportal.notifications.TeamNotification;

/** The bell in the shell: the newest notifications of the user's teams. */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarContribution {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final NotificationService notifications;
    private final Clock clock;

    NotificationBell(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public Component create() {
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.setId("notifications");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel("Notifications");
        Div list = new Div();
        list.setId("notification-list");
        list.setWidth("24rem");
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.add(list);
        popover.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                fill(list);
            }
        });
        bell.addAttachListener(event -> {
            long recent = notifications.recentForMe(20).stream()
                    .filter(n -> n.createdAt().isAfter(clock.instant().minus(Duration.ofDays(1))))
                    .count();
            bell.setText(recent == 0 ? null : String.valueOf(recent));
            bell.setTooltipText(recent == 0 ? "Notifications" : recent + " notifications in the last 24 hours");
        });
        return bell;
    }

    private void fill(Div list) {
        list.removeAll();
        List<TeamNotification> recent = notifications.recentForMe(20);
        if (recent.isEmpty()) {
            list.add(new Paragraph("No notifications. Expiring secrets and review decisions appear here."));
            return;
        }
        for (TeamNotification notification : recent) {
            Span when = new Span(WHEN.format(notification.createdAt()));
            when.addClassName("portal-muted");
            Div item = new Div(new Div(notification.message()), when);
            item.getStyle()
                    .set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            list.add(item);
        }
    }
}
