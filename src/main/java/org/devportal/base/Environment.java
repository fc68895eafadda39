package org.devportal.base;

/**
 * Where a client runs. A client works in the sandbox once registered, and in production once approved
 * (docs/client-rules.md, what production serves).
 */
public enum Environment {
    SANDBOX,
    PRODUCTION
}
