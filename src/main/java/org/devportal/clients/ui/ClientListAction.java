package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import java.util.UUID;

/**
 * A button another module adds to the header of a team's client list, next to "Register a client", such as the
 * import of a configuration document. The client list knows no such module; each contributes a Spring bean of this
 * type.
 */
public interface ClientListAction {

    /** Where the button sits among the others, after "Register a client"; lower comes first. */
    int order();

    /** The button for one team, created each time the page shows the team. The user is a member of it. */
    Component create(UUID teamId);
}
