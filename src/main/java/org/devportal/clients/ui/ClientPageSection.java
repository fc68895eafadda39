package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import org.devportal.clients.ClientDetails;

/**
 * A section another module adds to the client page, such as the credentials. Each section has its own address,
 * {@code clients/{id}/{slug}}, and is created the first time it is opened.
 */
public interface ClientPageSection {

    /** The section's address within the client page: lower case, stable, such as {@code credentials}. */
    String slug();

    /** The section's label in the page's navigation. */
    String label();

    /** Where the section sits among the others; lower comes first. The page's own form sections come first. */
    int order();

    /**
     * The section for one client.
     *
     * @param page to tell after the section changed the client itself (its logo, say), so the page refreshes what it
     *        shows without touching what the user is typing; and to ask about unsaved changes
     */
    Component create(ClientDetails client, ClientPage page);

    /**
     * Called each time the page opens a client, whichever section it shows, for what must not wait until this
     * section is opened, such as a new secret that is shown once.
     */
    default void pageOpened(ClientDetails client, ClientPage page) {}
}
