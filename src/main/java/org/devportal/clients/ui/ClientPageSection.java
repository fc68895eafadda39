package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import org.devportal.clients.ClientDetails;

/**
 * A section another module adds to the details of the client page, such as the credentials. Created each time
 * the page shows a client.
 */
public interface ClientPageSection {

    /** Where the section sits; lower comes first. All sections come after the checklist, before the form. */
    int order();

    /**
     * The section for one client.
     *
     * @param onClientChanged to call after the section changed the client itself (its logo, say), so the page
     *        refreshes what it shows without touching what the user is typing
     */
    Component create(ClientDetails client, Runnable onClientChanged);
}
