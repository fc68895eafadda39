package org.devportal.security;

/**
 * Thrown by a service when a sensitive action needs a fresh second factor. Views answer it by sending the user
 * through the identity provider again ({@link StepUp#requestReauthentication()}), back to the same page.
 */
public final class StepUpRequiredException extends RuntimeException {

    private final StepUpAction action;

    public StepUpRequiredException(StepUpAction action) {
        super("To " + action.description() + ", confirm it is you with your passkey or security key first.");
        this.action = action;
    }

    public StepUpAction action() {
        return action;
    }
}
