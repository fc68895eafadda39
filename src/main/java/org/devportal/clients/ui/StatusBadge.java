package org.devportal.clients.ui;

import com.vaadin.flow.component.html.Span;
import org.devportal.clients.ClientStatus;

/** A client's lifecycle status as a coloured badge. */
final class StatusBadge extends Span {

    StatusBadge(ClientStatus status) {
        super(status.label());
        getElement().getThemeList().add(theme(status));
        getElement().setAttribute("data-status", status.name());
    }

    /** The badge's theme attribute, also for the client list, which draws its badges in the browser. */
    static String theme(ClientStatus status) {
        return "badge pill "
                + switch (status) {
                    case APPROVED -> "success";
                    case REJECTED -> "error";
                    case IN_REVIEW -> "";
                    case CHANGES_REQUESTED -> "warning";
                    case DRAFT -> "contrast";
                };
    }
}
