package org.devportal.base;

/** Where a client runs. A client works in the sandbox once registered, and in production once approved (SPEC §1). */
public enum Environment {
    SANDBOX,
    PRODUCTION
}
