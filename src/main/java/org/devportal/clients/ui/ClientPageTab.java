package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import java.util.UUID;

/**
 * A tab another module adds to the client page, such as the history. The client page knows no such module; each
 * contributes a Spring bean of this type.
 */
public interface ClientPageTab {

    /** The tab's label. */
    String label();

    /** Where the tab sits among the others; lower comes first. */
    int order();

    /** The tab's content for one client, created when the tab is first shown. */
    Component create(UUID clientId);
}
