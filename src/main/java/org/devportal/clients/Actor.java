package org.devportal.clients;

/**
 * Who changes a client when no person is signed in: a machine caller such as the registration API. The audit log
 * shows the display name.
 *
 * @param subject a stable identifier of the caller, recorded with each change; never a secret
 * @param displayName what the client's history shows as the actor
 */
public record Actor(String subject, String displayName) {

    public Actor {
        if (subject == null || subject.isBlank() || displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("An actor needs a subject and a display name");
        }
    }
}
