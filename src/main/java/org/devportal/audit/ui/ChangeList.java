package org.devportal.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.regex.Pattern;
import org.devportal.audit.HistoryEntry;
import org.devportal.base.FieldChange;
import org.devportal.clients.ClientField;
import org.devportal.clients.LogoAddress;

/**
 * An entry's changes, one line per field, old value → new value. A logo change shows the two logos, which are
 * served by their hash, rather than the hashes themselves.
 */
final class ChangeList {

    static final int THUMBNAIL = 64;

    /** Logos are addressed by the SHA-256 of their 512 px PNG; anything else is shown as text. */
    private static final Pattern LOGO_HASH = Pattern.compile("[0-9a-f]{64}");

    private ChangeList() {}

    static Component of(HistoryEntry entry) {
        Div list = new Div();
        if (entry.counted()) {
            Div last = new Div(
                    entry.occurrences() == 1
                            ? "Once so far:"
                            : entry.occurrences() + " times in this period; the last:");
            last.addClassName("portal-muted");
            list.add(last);
        }
        for (FieldChange change : entry.changes()) {
            Div line = new Div();
            Span field = new Span(change.field() + ": ");
            field.getStyle().set("font-weight", "600");
            line.add(field);
            if (ClientField.LOGO.label().equals(change.field())) {
                line.add(logo(change.oldValue(), "Old logo"), new Span(" → "), logo(change.newValue(), "New logo"));
            } else {
                line.add(new Span(shown(change.oldValue()) + " → " + shown(change.newValue())));
            }
            line.getStyle().set("white-space", "pre-wrap");
            list.add(line);
        }
        return list;
    }

    private static Component logo(String hash, String label) {
        if (hash == null || !LOGO_HASH.matcher(hash).matches()) {
            return new Span(shown(hash));
        }
        Image image = new Image(LogoAddress.path(hash, THUMBNAIL), label);
        image.addClassName("history-logo");
        image.setWidth(THUMBNAIL / 2 + "px");
        image.setHeight(THUMBNAIL / 2 + "px");
        image.getStyle().set("vertical-align", "middle");
        return image;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
