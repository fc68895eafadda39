package org.devportal.clients.ui;

/**
 * What a section of the client page may ask of the page around it. The form's fields belong to the page, so a
 * section that acts on the saved client, such as submitting it for review, asks here whether the user has typed
 * something that is not saved yet.
 */
public interface ClientPage {

    /** The section changed the client itself (its logo, say): the page refreshes without touching what is typed. */
    void clientChanged();

    /** Whether the form holds changes that are not saved. */
    boolean hasUnsavedChanges();

    /**
     * Saves the form's changes. When a field is refused, the page opens that field's section and focuses the field.
     *
     * @return whether everything is saved now
     */
    boolean saveChanges();
}
