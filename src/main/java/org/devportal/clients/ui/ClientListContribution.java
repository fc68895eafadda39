package org.devportal.clients.ui;

import com.vaadin.flow.component.Component;
import java.util.UUID;

/**
 * A section another module adds to a team's client list page, below the list, such as the registration API's
 * tokens. The client list knows no such module; each contributes a Spring bean of this type.
 */
public interface ClientListContribution {

    /** Where the section sits among the others; lower comes first. */
    int order();

    /** The section for one team, created each time the page shows the team. The user is a member of it. */
    Component create(UUID teamId);
}
