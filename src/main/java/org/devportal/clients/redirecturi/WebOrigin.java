package org.devportal.clients.redirecturi;

import java.util.Optional;

/**
 * A browser origin (RFC 6454) as a browser sends it in the {@code Origin} header: {@code scheme://host[:port]}, with
 * nothing after the authority. A client's web origins are not registered separately: they are the origins of its
 * redirect URIs, as Keycloak's "+" web origins are, because a browser-based client runs on the pages it is
 * redirected back to.
 *
 * <p>An origin belongs to a redirect URI when it is that URI's scheme and authority, character for character. A
 * redirect URI on the loopback IP literals {@code http://127.0.0.1} or {@code http://[::1]} matches any port at
 * authorization time (RFC 8252 §7.3), so its origin is that host over http with any port, or none. {@code localhost}
 * gets no such exception, just as in {@link RedirectUriMatch}.
 *
 * @param value the origin exactly as sent, such as {@code https://app.example.com:8443}
 * @param host  its host, with the brackets of an IPv6 literal
 */
public record WebOrigin(String value, String host) {

    /** Far longer than any origin a client can register, which has a canonical host of at most 253 characters. */
    private static final int MAX_LENGTH = 300;

    private static final UriCheck PORT = UriChecks.validPort(false);

    /**
     * The origin in an {@code Origin} header, if it is one that a registered redirect URI could have: http or https
     * in lower case, a host in the canonical spelling the registration rules require, and a port only if it is not
     * the scheme's default. Anything else, including the {@code null} origin of sandboxed frames and files, is empty.
     */
    public static Optional<WebOrigin> parse(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        UriParts parts = UriParts.split(header);
        boolean webScheme = "https".equals(parts.scheme()) || "http".equals(parts.scheme());
        if (!webScheme
                || parts.authority() == null
                || parts.userInfo() != null
                || parts.host().isEmpty()
                || !parts.path().isEmpty()
                || parts.query() != null
                || parts.fragment() != null
                || Hosts.spellingProblem(parts.host()) != null
                || PORT.problem(parts).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new WebOrigin(header, parts.host()));
    }

    /** Whether a browser page at this origin can be the client behind the redirect URI. */
    public boolean isOriginOf(RedirectUri uri) {
        UriParts parts = uri.parts();
        if (parts.authority() == null || parts.userInfo() != null || parts.scheme() == null) {
            return false;
        }
        if ("http".equals(parts.scheme()) && Hosts.isLoopbackIpLiteral(parts.host())) {
            return value.startsWith("http://") && host.equals(parts.host());
        }
        return value.equals(parts.scheme() + "://" + parts.authority());
    }
}
