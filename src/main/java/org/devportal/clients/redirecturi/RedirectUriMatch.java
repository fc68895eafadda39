package org.devportal.clients.redirecturi;

import java.util.Collection;
import java.util.Optional;

/**
 * How the authorization server compares a requested {@code redirect_uri} with the registered ones
 * (docs/client-rules.md, redirect-URI matching): byte for byte, with no decoding, case folding or normalisation, except
 * that a registered {@code http} URI on the loopback IP literals {@code 127.0.0.1} or {@code [::1]} matches any port
 * (RFC 8252 §7.3). {@code localhost} gets no such exception.
 *
 * <p>The port exception reads the requested URI through the same {@link UriParts} split and the same port rule as
 * registration: the port must be a plain decimal number from 1 to 65535, so a spelling that registration refuses,
 * such as a port with leading zeros, never matches. Everything but the port must still be identical.
 */
public final class RedirectUriMatch {

    private static final UriCheck PORT = UriChecks.validPort(true);

    private RedirectUriMatch() {}

    /** The registered URI the requested one matches, if any. */
    public static Optional<RedirectUri> find(String requested, Collection<RedirectUri> registered) {
        if (requested == null || requested.isEmpty()) {
            return Optional.empty();
        }
        for (RedirectUri candidate : registered) {
            if (candidate.value().equals(requested)) {
                return Optional.of(candidate);
            }
        }
        UriParts request = UriParts.split(requested);
        if (!isAnyPortLoopback(request) || PORT.problem(request).isPresent()) {
            return Optional.empty();
        }
        for (RedirectUri candidate : registered) {
            UriParts registration = candidate.parts();
            if (isAnyPortLoopback(registration)
                    && registration.host().equals(request.host())
                    && registration.pathQueryAndFragment().equals(request.pathQueryAndFragment())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** An {@code http} URI whose authority is just a loopback IP literal, with or without a port. */
    private static boolean isAnyPortLoopback(UriParts uri) {
        return "http".equals(uri.scheme()) && uri.userInfo() == null && Hosts.isLoopbackIpLiteral(uri.host());
    }
}
