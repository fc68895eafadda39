package org.devportal.clients.redirecturi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a host is, judged from its spelling alone. Nothing here resolves DNS (redirect-URI rule 8 of
 * docs/client-rules.md): an answer that depends on a resolver can change between registration and use, and a lookup
 * would let a form trigger network traffic.
 */
final class Hosts {

    /**
     * Redirect-URI rule 7 (docs/client-rules.md): the loopback hosts are {@code localhost} and the two IP literals
     * below, in exactly these spellings, so not {@code *.localhost}, {@code 127.0.0.2} or {@code 0.0.0.0}. They are
     * listed only here: the registration rules, the authorization-time match and the review all ask {@link
     * #isLoopback(String)} or {@link #isLoopbackIpLiteral(String)}.
     */
    static final String LOOPBACK_NAME = "localhost";

    /** The loopback IP literals, which alone match any port at authorization time (RFC 8252 §7.3). */
    static final Set<String> LOOPBACK_IP_LITERALS = Set.of("127.0.0.1", "[::1]");

    /**
     * Redirect-URI rule 8 (docs/client-rules.md), after RFC 6761, RFC 6762 (.local), RFC 8375 (home.arpa) and RFC 7686
     * (.onion).
     */
    static final List<String> SPECIAL_USE =
            List.of("localhost", "local", "internal", "test", "example", "invalid", "home.arpa", "onion");

    /** RFC 1035 §2.3.4. */
    private static final int MAX_NAME_LENGTH = 253;

    private static final int MAX_LABEL_LENGTH = 63;

    private Hosts() {}

    static boolean isLoopback(String host) {
        return LOOPBACK_NAME.equals(host) || isLoopbackIpLiteral(host);
    }

    static boolean isLoopbackIpLiteral(String host) {
        return host != null && LOOPBACK_IP_LITERALS.contains(host);
    }

    static boolean isIpLiteral(String host) {
        return host.startsWith("[") || isDottedQuad(host);
    }

    /** The special-use name the host is or ends in, if any. */
    static Optional<String> specialUseName(String host) {
        for (String name : SPECIAL_USE) {
            if (isWithin(host, name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the host is the domain or a sub-domain of it, ignoring case: {@code notpleo.io} is not within {@code
     * pleo.io}.
     */
    static boolean isWithin(String host, String domain) {
        int offset = host.length() - domain.length();
        return host.regionMatches(true, Math.max(offset, 0), domain, 0, domain.length())
                && (offset == 0 || offset > 0 && host.charAt(offset - 1) == '.');
    }

    /**
     * What is wrong with the spelling of a host, or {@code null} if it is canonical (redirect-URI rule 5 of
     * docs/client-rules.md): a lower-case DNS name of A-labels without a trailing dot, a plain dotted IPv4 address, or
     * {@code [::1]}. Every other spelling is refused rather than normalised, because the authorization server compares
     * redirect URIs byte for byte (docs/client-rules.md, redirect-URI matching) and because alternative spellings are
     * how filters get bypassed.
     */
    static String spellingProblem(String host) {
        if (host.startsWith("[")) {
            return "[::1]".equals(host)
                    ? null
                    : "The only IP address allowed in brackets is [::1]; use a host name instead";
        }
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 0x80) {
                return "Write internationalised host names as A-labels (xn--…), for example bücher.example as "
                        + "xn--bcher-kva.example";
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return "Write the host in lower case";
            }
        }
        if (host.endsWith(".")) {
            return "Remove the trailing dot after the host name";
        }
        if (host.length() > MAX_NAME_LENGTH) {
            return "The host name can be at most " + MAX_NAME_LENGTH + " characters long";
        }
        // Browsers read a host whose last label is a number as an IPv4 address in any of several spellings
        // (WHATWG URL "ends in a number"): 127.1, 2130706433 and 0x7f.0.0.1 all mean 127.0.0.1.
        if (endsInNumber(host)) {
            return isDottedQuad(host)
                    ? null
                    : "A host that ends in a number is an IPv4 address: write it as four decimal numbers between dots, "
                            + "like 192.0.2.1, without shortened, hexadecimal or octal forms";
        }
        return labelProblem(host);
    }

    /**
     * Four decimal numbers 0–255 without leading zeros, which is the only IPv4 spelling redirect-URI rule 5 of
     * docs/client-rules.md allows.
     */
    static boolean isDottedQuad(String host) {
        int parts = 0;
        int start = 0;
        while (start <= host.length()) {
            int end = host.indexOf('.', start);
            if (end < 0) {
                end = host.length();
            }
            if (++parts > 4 || !isOctet(host, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return parts == 4;
    }

    private static boolean isOctet(String host, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 3 || length > 1 && host.charAt(start) == '0') {
            return false;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = host.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }

    private static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        int digitsFrom = last.startsWith("0x") ? 2 : 0;
        for (int i = digitsFrom; i < last.length(); i++) {
            char c = last.charAt(i);
            boolean digit = c >= '0' && c <= '9' || digitsFrom == 2 && c >= 'a' && c <= 'f';
            if (!digit) {
                return false;
            }
        }
        return true;
    }

    /** RFC 1123 §2.1 host names: letters, digits and hyphens between dots, no hyphen at either end of a label. */
    private static String labelProblem(String host) {
        int start = 0;
        while (start <= host.length()) {
            int end = host.indexOf('.', start);
            if (end < 0) {
                end = host.length();
            }
            if (end == start) {
                return "The host name has an empty part between dots; remove the extra dot";
            }
            if (end - start > MAX_LABEL_LENGTH) {
                return "Each part of the host name between dots can be at most " + MAX_LABEL_LENGTH
                        + " characters long";
            }
            for (int i = start; i < end; i++) {
                char c = host.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return "The host can contain only letters, digits, hyphens and dots, like app.example.com";
                }
            }
            if (host.charAt(start) == '-' || host.charAt(end - 1) == '-') {
                return "Parts of the host name cannot start or end with a hyphen";
            }
            start = end + 1;
        }
        return null;
    }
}
