package org.devportal.authserver;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the authorization server compares a requested {@code redirect_uri} with the registered ones (SPEC §3.2):
 * byte for byte, with no decoding, case folding or normalisation, except that a registered {@code http} URI on
 * the loopback IP literals {@code 127.0.0.1} or {@code [::1]} matches any port (RFC 8252 §7.3). {@code localhost}
 * gets no such exception.
 */
public final class RedirectUriMatch {

    private static final Pattern LOOPBACK =
            Pattern.compile("^http://(127\\.0\\.0\\.1|\\[::1\\])(?::([0-9]{1,5}))?([/?].*)?$", Pattern.DOTALL);

    private RedirectUriMatch() {}

    /** The registered URI the requested one matches, if any. */
    public static Optional<String> find(String requested, Collection<String> registered) {
        if (requested == null || requested.isEmpty()) {
            return Optional.empty();
        }
        if (registered.contains(requested)) {
            return Optional.of(requested);
        }
        Matcher request = LOOPBACK.matcher(requested);
        if (!request.matches() || !validPort(request.group(2))) {
            return Optional.empty();
        }
        for (String candidate : registered) {
            Matcher registration = LOOPBACK.matcher(candidate);
            if (registration.matches()
                    && registration.group(1).equals(request.group(1))
                    && rest(registration).equals(rest(request))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean validPort(String port) {
        if (port == null) {
            return true;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }

    private static String rest(Matcher matcher) {
        return matcher.group(3) == null ? "" : matcher.group(3);
    }
}
