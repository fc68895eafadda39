package org.devportal.clients;

/** Someone saved the client after the user started editing it; the user's edit was not applied. */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String updatedBy) {
        super((updatedBy == null ? "Someone else" : updatedBy) + " saved this client while you were editing it. "
                + "Your changes have not been saved; they are still in the form. Reload to see the latest version, "
                + "then apply your changes again.");
    }
}
