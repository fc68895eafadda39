package org.devportal.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registration rules for redirect URIs (SPEC §3.1), for one environment at a time. Each rule is a small check;
 * the policy runs them in the order SPEC gives and reports the first that fails, with its rule number.
 *
 * <p>The sandbox runs rules 1–7 and 9. Production runs them all, with rule 7 refusing every http URI and rule 8
 * refusing hosts that cannot be publicly reachable. No rule resolves DNS.
 */
public final class RedirectUriPolicy {

    /** SPEC §3.1 rule 1. */
    public static final int MAX_URIS = 10;

    private static final String PRODUCTION_REFUSAL = "Refused for production: ";
    private static final String PRODUCTION_WARNING =
            "This URI works in the sandbox but will be refused for production: ";

    private final List<RedirectUriRules.Rule> sandboxRules;
    private final List<RedirectUriRules.Rule> productionRules;
    private final List<RedirectUriRules.Rule> productionOnlyRules;

    /**
     * @param platformDomains the platform's own domains ({@code portal.platform-domains}), which no redirect URI may
     *                        point into (rule 9)
     */
    public RedirectUriPolicy(List<String> platformDomains) {
        List<String> domains =
                platformDomains.stream().map(RedirectUriPolicy::platformDomain).toList();
        RedirectUriRules.Rule notPlatformDomain = RedirectUriRules.notPlatformDomain(domains);

        sandboxRules = concat(RedirectUriRules.SANDBOX_SHAPE, List.of(notPlatformDomain));
        productionRules = concat(
                RedirectUriRules.SHAPE,
                List.of(
                        RedirectUriRules.HTTPS_ONLY.withMessagePrefix(PRODUCTION_REFUSAL),
                        RedirectUriRules.PUBLICLY_REACHABLE.withMessagePrefix(PRODUCTION_REFUSAL),
                        notPlatformDomain));
        productionOnlyRules = List.of(
                RedirectUriRules.HTTPS_ONLY.withMessagePrefix(PRODUCTION_WARNING),
                RedirectUriRules.PUBLICLY_REACHABLE.withMessagePrefix(PRODUCTION_WARNING));
    }

    private static List<RedirectUriRules.Rule> concat(
            List<RedirectUriRules.Rule> first, List<RedirectUriRules.Rule> then) {
        List<RedirectUriRules.Rule> rules = new ArrayList<>(first);
        rules.addAll(then);
        return List.copyOf(rules);
    }

    private static String platformDomain(String domain) {
        if (domain == null || domain.isBlank() || !domain.equals(domain.strip())) {
            throw new IllegalArgumentException("A platform domain must be a host name without spaces, like pleo.io");
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    /** The first rule the candidate breaks in the environment, or empty if it may be registered there. */
    public Optional<RedirectUriViolation> check(String candidate, Environment environment) {
        List<RedirectUriRules.Rule> rules = environment == Environment.PRODUCTION ? productionRules : sandboxRules;
        return RedirectUriRules.firstViolation(rules, UriParts.split(candidate == null ? "" : candidate));
    }

    /**
     * The candidate as a redirect URI for the environment; the single place a form's converter turns text into a
     * {@link RedirectUri}.
     *
     * @throws IllegalArgumentException with the message of the first rule the candidate breaks
     */
    public RedirectUri parse(String candidate, Environment environment) {
        Optional<RedirectUriViolation> violation = check(candidate, environment);
        if (violation.isPresent()) {
            throw new IllegalArgumentException(violation.get().message());
        }
        return new RedirectUri(candidate);
    }

    /**
     * What the URI would break in production on top of the sandbox rules (rules 7 and 8), all of them, worded as a
     * warning for a URI that already passed {@link #check(String, Environment)} in the sandbox.
     */
    public List<RedirectUriViolation> productionProblems(RedirectUri uri) {
        UriParts parts = UriParts.split(uri.value());
        List<RedirectUriViolation> problems = new ArrayList<>(productionOnlyRules.size());
        for (RedirectUriRules.Rule rule : productionOnlyRules) {
            rule.apply(parts).ifPresent(problems::add);
        }
        return List.copyOf(problems);
    }

    /**
     * The first problem with a client's whole list of redirect URIs: its size (1–10) and exact duplicates first, as
     * rule 1 has it, then the first violation of each URI in turn, prefixed with its position.
     */
    public Optional<RedirectUriViolation> checkList(List<String> uris, Environment environment) {
        if (uris == null || uris.isEmpty()) {
            return Optional.of(new RedirectUriViolation(1, "Add at least one redirect URI"));
        }
        if (uris.size() > MAX_URIS) {
            return Optional.of(new RedirectUriViolation(
                    1, "A client can have at most " + MAX_URIS + " redirect URIs; remove " + (uris.size() - MAX_URIS)));
        }
        for (int i = 1; i < uris.size(); i++) {
            String uri = uris.get(i);
            for (int j = 0; j < i; j++) {
                if (uri != null && uri.equals(uris.get(j))) {
                    return Optional.of(new RedirectUriViolation(
                            1,
                            "Redirect URI " + (i + 1) + " is the same as redirect URI " + (j + 1)
                                    + "; remove one of them"));
                }
            }
        }
        for (int i = 0; i < uris.size(); i++) {
            Optional<RedirectUriViolation> violation = check(uris.get(i), environment);
            if (violation.isPresent()) {
                String position = "Redirect URI " + (i + 1) + ": ";
                return Optional.of(new RedirectUriViolation(
                        violation.get().rule(), position + violation.get().message()));
            }
        }
        return Optional.empty();
    }
}
