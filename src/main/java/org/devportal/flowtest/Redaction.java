package org.devportal.flowtest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts codes, tokens, verifiers, states and secrets down to {@link Masked} form before anything is shown or stored.
 * Two nets: parameters and JSON fields with a sensitive name are masked whatever their value, and every value the
 * run knows to be sensitive is masked wherever it appears, in case an answer echoes one in an unexpected place.
 */
final class Redaction {

    static final Set<String> SENSITIVE_NAMES =
            Set.of("code", "state", "access_token", "refresh_token", "id_token", "code_verifier", "client_secret");

    private static final Pattern JSON_FIELD =
            Pattern.compile("(\"(?:" + String.join("|", SENSITIVE_NAMES) + ")\"\\s*:\\s*\")([^\"\\\\]*)(\")");

    private final List<String> known;

    Redaction(Collection<String> knownSensitiveValues) {
        this.known = knownSensitiveValues.stream()
                .filter(value -> value != null && value.length() >= 8)
                // Longest first, so that a value containing another is masked whole.
                .sorted((a, b) -> b.length() - a.length())
                .distinct()
                .toList();
    }

    /** Masks every known sensitive value in free text. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : known) {
            result = result.replace(value, Masked.of(value));
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                result = result.replace(encoded, Masked.of(value));
            }
        }
        return result;
    }

    /** A form or query, {@code name=value&...}, with sensitive parameters masked and the rest as sent. */
    String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + (SENSITIVE_NAMES.contains(e.getKey())
                                ? Masked.of(e.getValue())
                                : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /**
     * A URL whose query may carry sensitive parameters: those are masked by name, and every other parameter is kept
     * as it was encoded, with known sensitive values masked wherever they appear.
     */
    String url(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return text(url);
        }
        StringBuilder result = new StringBuilder(text(url.substring(0, query + 1)));
        String[] pairs = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int equals = pairs[i].indexOf('=');
            String name = decode(equals < 0 ? pairs[i] : pairs[i].substring(0, equals));
            result.append(i == 0 ? "" : "&");
            if (equals >= 0 && SENSITIVE_NAMES.contains(name)) {
                result.append(pairs[i], 0, equals + 1).append(Masked.of(decode(pairs[i].substring(equals + 1))));
            } else {
                result.append(text(pairs[i]));
            }
        }
        return result.toString();
    }

    /**
     * Request headers: the credentials of {@code Authorization} are masked, and Basic credentials are shown as what
     * they encode, so that the transcript explains them without holding them.
     */
    List<String> headers(List<String> headers) {
        return headers.stream()
                .map(header -> {
                    if (header.startsWith("Authorization: Basic ")) {
                        String decoded;
                        try {
                            decoded = new String(
                                    java.util.Base64.getDecoder().decode(header.substring(21)), StandardCharsets.UTF_8);
                        } catch (IllegalArgumentException e) {
                            return "Authorization: Basic " + Masked.of(header.substring(21));
                        }
                        int colon = decoded.indexOf(':');
                        String user = colon < 0 ? decoded : decoded.substring(0, colon);
                        String password = colon < 0 ? "" : decode(decoded.substring(colon + 1));
                        return "Authorization: Basic base64(" + user + ":" + Masked.of(password) + ")";
                    }
                    if (header.startsWith("Authorization: Bearer ")) {
                        return "Authorization: Bearer " + Masked.of(header.substring(22));
                    }
                    return text(header);
                })
                .toList();
    }

    /** A JSON body: sensitive fields masked by name, and known values wherever they are. */
    String json(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = JSON_FIELD.matcher(body);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    result,
                    Matcher.quoteReplacement(matcher.group(1) + Masked.of(matcher.group(2)) + matcher.group(3)));
        }
        matcher.appendTail(result);
        return text(result.toString());
    }

    /** The parameters of a raw query, decoded, in their order; a repeated name keeps its first value. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
