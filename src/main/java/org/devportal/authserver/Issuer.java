package org.devportal.authserver;

import java.util.Optional;
import org.devportal.base.Environment;

/**
 * The two issuers, each at its own path below the portal's base URL. A request belongs to an issuer by the
 * first segment of its path.
 */
public enum Issuer {
    SANDBOX("/sandbox", Environment.SANDBOX),
    PRODUCTION("/production", Environment.PRODUCTION);

    private final String path;
    private final Environment environment;

    Issuer(String path, Environment environment) {
        this.path = path;
        this.environment = environment;
    }

    public String path() {
        return path;
    }

    public Environment environment() {
        return environment;
    }

    /** The issuer of an issuer URL or of a request path below one. */
    public static Optional<Issuer> of(String urlOrPath) {
        if (urlOrPath == null) {
            return Optional.empty();
        }
        String path = urlOrPath.replaceFirst("^[a-z]+://[^/]+", "");
        for (Issuer issuer : values()) {
            if (path.equals(issuer.path) || path.startsWith(issuer.path + "/")) {
                return Optional.of(issuer);
            }
        }
        return Optional.empty();
    }
}
