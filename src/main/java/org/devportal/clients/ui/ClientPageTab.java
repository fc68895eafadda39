package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import java.util.UUID;

/**
 * A section another module adds to the client page that needs only the client's ID, such as the history. The client
 * page knows no such module; each contributes a Spring bean of this type. Like a {@link ClientPageSection}, it has
 * its own address and is created the first time it is opened.
 */
public interface ClientPageTab {

    /** The tab's address within the client page: lower case, stable, such as {@code history}. */
    String slug();

    /** The tab's label. */
    String label();

    /** Where the tab sits among the others; lower comes first. */
    int order();

    /** The tab's content for one client, created when the tab is first shown. */
    Component create(UUID clientId);
}
