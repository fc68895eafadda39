package org.devportal.clients.redirecturi;

import java.util.List;
import java.util.Optional;

/**
 * The numbered redirect-URI registration rules of docs/client-rules.md, each composed from the small checks in {@link
 * UriChecks}. Rules 1–7 as the sandbox applies them need nothing but the URI, so {@link RedirectUri#of(String)} can
 * apply them alone; {@link RedirectUriPolicy} adds the rules that depend on the environment or on configuration.
 */
final class RedirectUriRules {

    static final UriChecks.Wording WORDING = new UriChecks.Wording(
            "Redirect URIs",
            "in redirect URIs",
            "the redirect URI",
            "Enter a redirect URI, like https://app.example.com/callback");

    /** A check together with the number of the rule it belongs to. */
    record Rule(int number, UriCheck check) {

        Optional<RedirectUriViolation> apply(UriParts uri) {
            return check.problem(uri).map(message -> new RedirectUriViolation(number, message));
        }

        Rule withMessagePrefix(String prefix) {
            return new Rule(number, uri -> check.problem(uri).map(message -> prefix + message));
        }
    }

    static final Rule LENGTH = new Rule(1, UriChecks.maxLength(WORDING));
    static final Rule CHARACTERS = new Rule(2, UriChecks.characters(WORDING, false));
    static final Rule SCHEME =
            new Rule(3, UriChecks.httpOrHttpsScheme(WORDING).andThen(UriChecks.hierarchical(WORDING)));
    static final Rule AUTHORITY = new Rule(
            4, UriChecks.noUserInfo(WORDING).andThen(UriChecks.hasHost()).andThen(UriChecks.validPort(false)));
    static final Rule CANONICAL_FORM = new Rule(5, UriChecks.lowerCaseScheme().andThen(UriChecks.canonicalHost()));
    static final Rule FRAGMENT_PATH_AND_QUERY = new Rule(
            6,
            UriChecks.noFragment(WORDING).andThen(UriChecks.noDotSegments()).andThen(UriChecks.noReservedParameters()));
    static final Rule HTTP_ONLY_FOR_LOOPBACK = new Rule(7, UriChecks.httpOnlyForLoopback());

    /** Rule 7 in production, as a reason that reads after a colon. */
    static final Rule HTTPS_ONLY = new Rule(7, UriChecks.httpsOnly());

    /** Rule 8, as reasons that read after a colon. */
    static final Rule PUBLICLY_REACHABLE = new Rule(8, uri -> Optional.ofNullable(reachabilityProblem(uri.host())));

    /** Rules 1–6: the same in every environment. */
    static final List<Rule> SHAPE =
            List.of(LENGTH, CHARACTERS, SCHEME, AUTHORITY, CANONICAL_FORM, FRAGMENT_PATH_AND_QUERY);

    /** Rules 1–7 as the sandbox applies them: what every {@link RedirectUri} satisfies. */
    static final List<Rule> SANDBOX_SHAPE = List.of(
            LENGTH, CHARACTERS, SCHEME, AUTHORITY, CANONICAL_FORM, FRAGMENT_PATH_AND_QUERY, HTTP_ONLY_FOR_LOOPBACK);

    private RedirectUriRules() {}

    static Optional<RedirectUriViolation> firstViolation(List<Rule> rules, UriParts uri) {
        for (Rule rule : rules) {
            Optional<RedirectUriViolation> violation = rule.apply(uri);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /**
     * Redirect-URI rule 9 (docs/client-rules.md), ignoring case; {@code notpleo.io} is not a sub-domain of {@code
     * pleo.io}.
     */
    static Rule notPlatformDomain(List<String> platformDomains) {
        return new Rule(9, uri -> {
            for (String domain : platformDomains) {
                if (Hosts.isWithin(uri.host(), domain)) {
                    return Optional.of("Redirect URIs cannot point to the platform's own domain " + domain
                            + " or its sub-domains; use your integration's own host");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Redirect-URI rule 8 (docs/client-rules.md), judged from the spelling alone. The special-use names come first
     * because "localhost is reserved" says more than "single-label names are not reachable".
     */
    private static String reachabilityProblem(String host) {
        if (Hosts.isIpLiteral(host)) {
            return "IP addresses are not allowed; use a public DNS name, like app.example.com";
        }
        Optional<String> specialUse = Hosts.specialUseName(host);
        if (specialUse.isPresent()) {
            String name = specialUse.get();
            return (host.length() == name.length() ? name + " is" : "names ending in ." + name + " are")
                    + " reserved for special use and not publicly reachable; use a public DNS name";
        }
        if (host.indexOf('.') < 0) {
            return "single-label host names are not publicly reachable; use a fully qualified name, like app.example.com";
        }
        return null;
    }
}
