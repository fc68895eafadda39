package org.devportal.clients.ui;

import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientUpdate;

/**
 * A section of the client page that follows the form as the user types, before anything is saved, such as the
 * consent preview. The component a {@link ClientPageSection} creates implements it to be told.
 */
public interface ClientDraftListener {

    /**
     * The form changed, or the client did.
     *
     * @param client the client as saved, for what the form does not edit (its logo, its approval)
     * @param draft the form's values as typed, not yet checked: any of them may break a rule
     */
    void draftChanged(ClientDetails client, ClientUpdate draft);
}
