package org.devportal.clients.redirecturi;

/**
 * A URI split into its RFC 3986 components, without decoding, case folding or any other change. The split
 * follows the regular expression of RFC 3986 Appendix B, so it never fails, whatever the text: deciding whether the
 * pieces are acceptable is the job of the checks in {@link UriChecks}. It deliberately does not use
 * {@link java.net.URI}, whose parser accepts and repairs spellings that the registration rules must refuse.
 *
 * <p>Registration, the authorization-time {@link RedirectUriMatch} and the review all read URIs through this one
 * split, so they agree on what the host, the port and the scheme of a URI are.
 *
 * <p>A component that is absent is {@code null}; one that is present but empty is {@code ""}. So
 * {@code https://host:/} has an empty port and {@code https://host/} has none.
 *
 * @param raw       the URI exactly as entered
 * @param scheme    the text before the first {@code :}, if that comes before any {@code / ? #}
 * @param authority the text after {@code //} up to the next {@code / ? #}
 * @param userInfo  the part of the authority before its last {@code @}
 * @param host      the host, including the brackets of an IP literal
 * @param port      the text after the host's {@code :}
 * @param hostStart the index of the host in {@code raw}, or -1 without an authority
 * @param path      the path, possibly empty
 * @param query     the text after the first {@code ?}
 * @param fragment  the text after the first {@code #}
 */
public record UriParts(
        String raw,
        String scheme,
        String authority,
        String userInfo,
        String host,
        String port,
        int hostStart,
        String path,
        String query,
        String fragment) {

    /** Splits any text, {@code null} included (as the empty string); never throws. */
    public static UriParts split(String text) {
        String raw = text == null ? "" : text;
        int length = raw.length();
        int cursor = 0;

        String scheme = null;
        int firstDelimiter = indexOfAny(raw, ":/?#", 0, length);
        if (firstDelimiter > 0 && firstDelimiter < length && raw.charAt(firstDelimiter) == ':') {
            scheme = raw.substring(0, firstDelimiter);
            cursor = firstDelimiter + 1;
        }

        String authority = null;
        String userInfo = null;
        String host = null;
        String port = null;
        int hostStart = -1;
        if (raw.startsWith("//", cursor)) {
            int authorityStart = cursor + 2;
            int authorityEnd = indexOfAny(raw, "/?#", authorityStart, length);
            authority = raw.substring(authorityStart, authorityEnd);
            // Browsers (WHATWG URL) take the last @ as the end of the user-info, so that is where the host starts.
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                userInfo = authority.substring(0, at);
            }
            hostStart = authorityStart + at + 1;
            String hostAndPort = authority.substring(at + 1);
            int portColon = portColon(hostAndPort);
            host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
            port = portColon < 0 ? null : hostAndPort.substring(portColon + 1);
            cursor = authorityEnd;
        }

        int pathEnd = indexOfAny(raw, "?#", cursor, length);
        String path = raw.substring(cursor, pathEnd);
        cursor = pathEnd;

        String query = null;
        if (cursor < length && raw.charAt(cursor) == '?') {
            int queryEnd = indexOfAny(raw, "#", cursor + 1, length);
            query = raw.substring(cursor + 1, queryEnd);
            cursor = queryEnd;
        }
        String fragment = cursor < length ? raw.substring(cursor + 1) : null;

        return new UriParts(raw, scheme, authority, userInfo, host, port, hostStart, path, query, fragment);
    }

    /**
     * Whether the URI is an https URL: the scheme is exactly {@code https} and an authority follows. This is the
     * one place that says what "https" means, for the registration rules and for the review alike.
     */
    public boolean isHttps() {
        return "https".equals(scheme) && authority != null;
    }

    /** Everything after the authority: the path, and the query and the fragment with their {@code ?} and {@code #}. */
    String pathQueryAndFragment() {
        int length = path.length()
                + (query == null ? 0 : query.length() + 1)
                + (fragment == null ? 0 : fragment.length() + 1);
        return raw.substring(raw.length() - length);
    }

    /** The index just past the host in {@link #raw}, or -1 without an authority. */
    int hostEnd() {
        return hostStart < 0 ? -1 : hostStart + host.length();
    }

    /**
     * Where the port starts in {@code host[:port]}: after the closing bracket of an IP literal, otherwise at the
     * first colon (a host name cannot contain one). A bracket that is not closed, or is followed by anything
     * other than a port, leaves the whole text as the host, which the host checks then refuse.
     */
    private static int portColon(String hostAndPort) {
        if (!hostAndPort.startsWith("[")) {
            return hostAndPort.indexOf(':');
        }
        int close = hostAndPort.indexOf(']');
        if (close >= 0 && close + 1 < hostAndPort.length() && hostAndPort.charAt(close + 1) == ':') {
            return close + 1;
        }
        return -1;
    }

    private static int indexOfAny(String text, String delimiters, int from, int to) {
        for (int i = from; i < to; i++) {
            if (delimiters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return to;
    }
}
