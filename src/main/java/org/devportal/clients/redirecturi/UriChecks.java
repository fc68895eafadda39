package org.devportal.clients.redirecturi;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that redirect URIs (docs/client-rules.md, redirect-URI rules) and the client's web addresses
 * (docs/client-rules.md, client fields) share. Each returns a small {@link UriCheck}; {@link RedirectUriRules} and
 * {@link WebUri} compose them into their own chains. The wording tells each check how to name the thing it checks,
 * because the same rule reads "in redirect URIs" on one field and "in this address" on another.
 *
 * <p>A check may rely on the checks before it in rule order having passed: the host checks, for instance, run only
 * once rule 3 has found an authority and rule 4 a host.
 */
final class UriChecks {

    /** docs/client-rules.md: web addresses and redirect-URI rule 1. */
    static final int MAX_LENGTH = 2048;

    /**
     * Redirect-URI rule 6 (docs/client-rules.md): the parameters the authorization server adds to the redirect (RFC
     * 6749 §4.1.2, RFC 9207).
     */
    static final Set<String> RESERVED_PARAMETERS =
            Set.of("code", "state", "error", "error_description", "error_uri", "iss");

    /** The longest reserved name, error_description, with every character percent-encoded. */
    private static final int MAX_ENCODED_NAME_LENGTH = 3 * "error_description".length();

    private static final String HTTP_ONLY_FOR_LOOPBACK = "http is only allowed for localhost, 127.0.0.1 and [::1]";

    /**
     * How messages name the URI.
     *
     * @param subject the URI as the subject of a sentence: "Redirect URIs", "This address"
     * @param where   where a problem sits: "in redirect URIs", "in this address"
     * @param object  the URI as an object: "the redirect URI", "this address"
     * @param prompt  what to say when nothing was entered
     */
    record Wording(String subject, String where, String object, String prompt) {}

    private UriChecks() {}

    static UriCheck maxLength(Wording wording) {
        return uri -> uri.raw().length() <= MAX_LENGTH
                ? Optional.empty()
                : Optional.of(wording.subject() + " can be at most " + MAX_LENGTH + " characters long");
    }

    /**
     * Redirect-URI rule 2 (docs/client-rules.md): only RFC 3986 characters, no percent-encoded control characters and,
     * for redirect URIs, no
     * {@code *}. Letters outside ASCII are let through in the host alone, so that the host check can say that an
     * internationalised name must be written as an A-label (rule 5) instead of just calling the letter illegal.
     */
    static UriCheck characters(Wording wording, boolean wildcardsAllowed) {
        return uri -> Optional.ofNullable(characterProblem(uri, wording, wildcardsAllowed));
    }

    private static String characterProblem(UriParts uri, Wording wording, boolean wildcardsAllowed) {
        String raw = uri.raw();
        if (!raw.isEmpty() && (isWhitespace(raw.codePointAt(0)) || isWhitespace(raw.codePointBefore(raw.length())))) {
            return "Remove the spaces or line breaks around " + wording.object();
        }
        int hostStart = uri.hostStart();
        int hostEnd = uri.hostEnd();
        boolean bracketedHost =
                hostStart >= 0 && uri.host().startsWith("[") && uri.host().endsWith("]");
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            String problem;
            if (isWhitespace(c)) {
                problem = "Spaces, tabs and line breaks are not allowed " + wording.where()
                        + "; percent-encode a space in the path or query as %20";
            } else if (c < 0x20 || c == 0x7F || c >= 0x80 && isInvisible(c)) {
                problem = "Control and invisible characters are not allowed " + wording.where() + "; remove them";
            } else if (c == '*' && !wildcardsAllowed) {
                problem = "Wildcards (*) are not supported; register each redirect URI exactly";
            } else if ("\\{}|^`<>\"".indexOf(c) >= 0) {
                problem = "The character " + (char) c + " is not allowed " + wording.where() + "; percent-encode it as "
                        + percentEncoded(c);
            } else if (c == '[' && !(bracketedHost && i == hostStart)
                    || c == ']' && !(bracketedHost && i == hostEnd - 1)) {
                problem =
                        "Square brackets are only allowed around an IPv6 address; elsewhere percent-encode them as %5B "
                                + "and %5D";
            } else if (c == '%') {
                problem = percentEncodingProblem(raw, i, wording);
            } else if (c >= 0x80 && !(i >= hostStart && i < hostEnd)) {
                problem = "Only ASCII characters are allowed " + wording.where()
                        + "; percent-encode other characters as UTF-8, for example é as %C3%A9";
            } else {
                problem = null;
            }
            if (problem != null) {
                return problem;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static String percentEncodingProblem(String raw, int percent, Wording wording) {
        int high = percent + 1 < raw.length() ? Character.digit(raw.charAt(percent + 1), 16) : -1;
        int low = percent + 2 < raw.length() ? Character.digit(raw.charAt(percent + 2), 16) : -1;
        // Character.digit also accepts non-ASCII digits, which RFC 3986 HEXDIG does not.
        if (high < 0 || low < 0 || raw.charAt(percent + 1) >= 0x80 || raw.charAt(percent + 2) >= 0x80) {
            return "Each % must start a percent-encoded byte such as %20; write a literal % as %25";
        }
        int octet = high * 16 + low;
        if (octet < 0x20 || octet == 0x7F) {
            return "Percent-encoded control characters (%00–%1F, %7F) are not allowed " + wording.where() + "; remove "
                    + raw.substring(percent, percent + 3);
        }
        return null;
    }

    /** Whitespace in the Unicode sense too, so that a pasted no-break space is caught as well as an ASCII space. */
    private static boolean isWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Characters that do not show, or show as something else: C1 controls, bidi overrides, zero-width joiners. */
    private static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String percentEncoded(int c) {
        return "%" + Character.toUpperCase(Character.forDigit(c >> 4, 16))
                + Character.toUpperCase(Character.forDigit(c & 0xF, 16));
    }

    /**
     * Redirect-URI rule 3 (docs/client-rules.md): an absolute URI whose scheme is https or http. The comparison ignores
     * case, because RFC 3986 §3.1 says schemes are case-insensitive; that an upper-case scheme is not canonical is rule
     * 5's concern, checked by {@link #lowerCaseScheme()}.
     */
    static UriCheck httpOrHttpsScheme(Wording wording) {
        return uri -> {
            String scheme = uri.scheme();
            if (uri.raw().isEmpty()) {
                return Optional.of(wording.prompt());
            }
            if (scheme == null) {
                return Optional.of(wording.subject() + " must be absolute: start with https:// followed by the host");
            }
            if (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) {
                return Optional.empty();
            }
            if (scheme.indexOf('.') >= 0) {
                // RFC 8252 §7.1 private-use schemes, as mobile apps use them (com.example.app:/callback).
                return Optional.of("Private-use schemes such as com.example.app: are not supported; "
                        + "use an https address, for example an app link or universal link");
            }
            return Optional.of(wording.subject() + " must use https (http only for localhost in the sandbox); "
                    + "other schemes such as javascript:, data: or file: are not allowed");
        };
    }

    /**
     * Redirect-URI rule 3 (docs/client-rules.md): hierarchical, so {@code https:example.com} and {@code
     * https:/example.com} are refused.
     */
    static UriCheck hierarchical(Wording wording) {
        return uri -> uri.authority() != null
                ? Optional.empty()
                : Optional.of(wording.subject() + " must be hierarchical: write // after the scheme, then the host, "
                        + "like https://app.example.com/");
    }

    /** Redirect-URI rule 4 (docs/client-rules.md): {@code https://good.com@evil.com/} points at evil.com. */
    static UriCheck noUserInfo(Wording wording) {
        return uri -> uri.userInfo() == null
                ? Optional.empty()
                : Optional.of(
                        wording.subject() + " cannot contain user-info (name@ or name:password@) before the host; "
                                + "remove everything up to and including the @");
    }

    static UriCheck hasHost() {
        return uri ->
                !uri.host().isEmpty() ? Optional.empty() : Optional.of("Add a host after //, like app.example.com");
    }

    /**
     * Redirect-URI rule 4 (docs/client-rules.md): a port is 1–65535, written in plain decimal. Redirect URIs must also
     * leave out the scheme's default port, because {@code :443} and no port mean the same endpoint but would not match
     * byte for byte.
     */
    static UriCheck validPort(boolean defaultPortAllowed) {
        return uri -> {
            String port = uri.port();
            if (port == null) {
                return Optional.empty();
            }
            if (port.isEmpty()) {
                return Optional.of("Remove the : after the host, or add a port number after it");
            }
            for (int i = 0; i < port.length(); i++) {
                if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                    return Optional.of("The port must be a number from 1 to 65535");
                }
            }
            if (port.length() > 1 && port.charAt(0) == '0') {
                return Optional.of("Write the port without leading zeros");
            }
            if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return Optional.of("The port must be a number from 1 to 65535");
            }
            if (!defaultPortAllowed) {
                String scheme = uri.scheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("https") && port.equals("443") || scheme.equals("http") && port.equals("80")) {
                    return Optional.of("Remove :" + port + " after the host; it is the default port for " + scheme
                            + ", and redirect URIs are registered without it");
                }
            }
            return Optional.empty();
        };
    }

    /** Redirect-URI rule 5 (docs/client-rules.md). */
    static UriCheck lowerCaseScheme() {
        return uri -> uri.scheme().equals(uri.scheme().toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of("Write the scheme in lower case: " + uri.scheme().toLowerCase(Locale.ROOT) + "://");
    }

    /** Redirect-URI rule 5 (docs/client-rules.md); see {@link Hosts#spellingProblem(String)}. */
    static UriCheck canonicalHost() {
        return uri -> Optional.ofNullable(Hosts.spellingProblem(uri.host()));
    }

    /**
     * Redirect-URI rule 6 (docs/client-rules.md): an authorization response must never carry a fragment (RFC 6749
     * §3.1.2).
     */
    static UriCheck noFragment(Wording wording) {
        return uri -> uri.fragment() == null
                ? Optional.empty()
                : Optional.of(
                        "Fragments (#…) are not allowed " + wording.where() + "; remove the # and everything after it");
    }

    /**
     * Redirect-URI rule 6 (docs/client-rules.md): no dot-segments, in plain or percent-encoded spelling. An encoded dot
     * is refused anywhere in the path: RFC 3986 §2.3 says it means the same as a plain dot, so it is never needed, and
     * servers that decode before resolving turn {@code %2e%2e} into {@code ..}.
     */
    static UriCheck noDotSegments() {
        return uri -> {
            String path = uri.path();
            int start = 0;
            while (start < path.length()) {
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = path.length();
                }
                if (isDotSegment(path, start, end)) {
                    return Optional.of(
                            "Dot-segments (/./ and /../, also written with %2e) are not allowed in the path; "
                                    + "write the path without them");
                }
                start = end + 1;
            }
            if (containsIgnoreCase(path, "%2e")) {
                return Optional.of("Encoded dots (%2e) are not allowed in the path; write a plain dot");
            }
            return Optional.empty();
        };
    }

    private static boolean isDotSegment(String path, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (path.charAt(i) == '.') {
                i++;
            } else if (path.regionMatches(true, i, "%2e", 0, 3)) {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Redirect-URI rule 6 (docs/client-rules.md): the query is kept verbatim, but it must not hold a parameter that the
     * authorization server sets itself, or the client could not tell the two apart. Names are compared after
     * percent-decoding and ignoring case, since some server frameworks read {@code %73tate} or {@code State} as {@code
     * state}.
     */
    static UriCheck noReservedParameters() {
        return uri -> {
            String query = uri.query();
            if (query == null) {
                return Optional.empty();
            }
            int start = 0;
            while (start <= query.length()) {
                int end = query.indexOf('&', start);
                if (end < 0) {
                    end = query.length();
                }
                int equals = query.indexOf('=', start);
                String name = decode(query.substring(start, equals >= start && equals < end ? equals : end));
                if (RESERVED_PARAMETERS.contains(name)) {
                    return Optional.of(
                            "Remove the " + name + " parameter from the query: the authorization server adds "
                                    + "code, state, error, error_description, error_uri and iss to the redirect itself");
                }
                start = end + 1;
            }
            return Optional.empty();
        };
    }

    /** Decodes percent-escapes, enough to recognise a reserved name, and lower-cases the result. */
    private static String decode(String name) {
        if (name.length() > MAX_ENCODED_NAME_LENGTH) {
            return name;
        }
        StringBuilder decoded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int high = c == '%' && i + 2 < name.length() ? Character.digit(name.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(name.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                decoded.append((char) (high * 16 + low));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Redirect-URI rule 7 (docs/client-rules.md) in the sandbox: http only for the exact loopback spellings. Runs after
     * rules 3 and 5, so the scheme is {@code https} or {@code http}.
     */
    static UriCheck httpOnlyForLoopback() {
        return uri -> uri.isHttps() || Hosts.isLoopback(uri.host())
                ? Optional.empty()
                : Optional.of(HTTP_ONLY_FOR_LOOPBACK + "; use https for any other host");
    }

    /**
     * Redirect-URI rule 7 (docs/client-rules.md) in production: never http. The message is a reason that reads after a
     * colon, so callers can put it behind "Refused for production:" or a warning about the sandbox.
     */
    static UriCheck httpsOnly() {
        return uri ->
                uri.isHttps() ? Optional.empty() : Optional.of(HTTP_ONLY_FOR_LOOPBACK + " in the sandbox; use https");
    }
}
