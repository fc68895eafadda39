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

    /**
     * Whether a request path looks like an issuer's endpoint or metadata below a path that is no issuer, such as
     * {@code /sandbox/anything/oauth/token} or {@code /.well-known/oauth-authorization-server/sandbox/anything}.
     * Each issuer has one path: only {@code /{sandbox|production}/oauth/...} and its well-known documents exist.
     */
    static boolean isStrayEndpointPath(String path) {
        if (path == null) {
            return false;
        }
        for (Issuer issuer : values()) {
            if (path.startsWith(issuer.path + "/")) {
                String rest = path.substring(issuer.path.length());
                boolean own = rest.startsWith("/oauth/") || rest.startsWith("/.well-known/");
                return !own && (rest.contains("/oauth/") || rest.endsWith("/oauth") || rest.contains("/.well-known/"));
            }
            if (path.startsWith("/.well-known/") && path.contains(issuer.path + "/")) {
                return true;
            }
        }
        return false;
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
