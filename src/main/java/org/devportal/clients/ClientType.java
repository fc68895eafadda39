package org.devportal.clients;

/** How the client keeps its credentials, which decides whether it gets a secret. */
public enum ClientType {
    /** A server-side web application: it can keep a secret, so it gets one. */
    CONFIDENTIAL("Server-side web app", "Runs on your servers and can keep a client secret."),
    /** A single-page app or a mobile or desktop app: it cannot keep a secret, so it uses PKCE alone. */
    PUBLIC("Single-page, mobile or desktop app", "Runs on users' devices, where a secret would not stay secret.");

    private final String label;
    private final String description;

    ClientType(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
