package org.devportal.review;

/** Why a change in a revision deserves a reviewer's attention. */
public enum Risk {
    NEW_REDIRECT_HOST("New redirect host"),
    HTTP_OR_LOOPBACK_ADDED("http or loopback added"),
    SCOPE_ADDED("Scope added"),
    CLIENT_TYPE_CHANGED("Client type changed"),
    PKCE_EXCEPTION("PKCE exception"),
    NAME_CHANGED("Name changed"),
    LOGO_CHANGED("Logo changed");

    private final String label;

    Risk(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
