package org.devportal.clients.redirecturi;

/** Where a client runs. A client works in the sandbox once registered, and in production once approved (SPEC §1). */
public enum Environment {
    SANDBOX,
    PRODUCTION
}
