package org.devportal.clients;

import java.util.List;
import java.util.UUID;
import org.devportal.base.FieldChange;
import org.devportal.base.Notice;
import org.devportal.base.Notifying;

/**
 * A team changed a field of an approved client that production uses at once, without a review: the contact
 * e-mails or the settings URI. The team hears about it in the portal, so that a change nobody meant is noticed; the
 * history has it as an edit.
 */
public record LiveFieldsChanged(
        UUID clientId, UUID teamId, String clientName, String actorName, List<FieldChange> changes)
        implements Notifying {

    public LiveFieldsChanged {
        changes = List.copyOf(changes);
    }

    /** The one line the team reads: which fields changed, and by whom. */
    public String summary() {
        return clientName + ": "
                + String.join(
                        " and ",
                        changes.stream()
                                .map(change -> change.field().toLowerCase(java.util.Locale.ROOT))
                                .toList())
                + " changed by " + actorName + "; production uses them at once";
    }

    @Override
    public List<Notice> notices() {
        return List.of(Notice.toTeam(teamId, clientId, summary()));
    }
}
