package org.devportal.clients.redirecturi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devportal.base.Environment;

/**
 * The registration rules for redirect URIs (docs/client-rules.md, redirect-URI rules), for one environment at a time.
 * Each rule is a small check; the policy runs them in the order the rules are numbered in and reports the first that
 * fails, with its rule number.
 *
 * <p>The sandbox runs rules 1–7 and 9. Production runs them all, with rule 7 refusing every http URI and rule 8
 * refusing hosts that cannot be publicly reachable. No rule resolves DNS.
 *
 * <p>{@link #evaluate(List, Environment)} is the one call for a client's list: it splits each URI once, runs the
 * environment's rules on it once and, in the sandbox, the production-only rules on the same split, so the errors
 * and the production warnings come from a single pass.
 */
public final class RedirectUriPolicy {

    /** Redirect-URI rule 1 (docs/client-rules.md). */
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

    /**
     * A client's whole list of redirect URIs: its size (1–10) and exact duplicates, as rule 1 has it, and a verdict
     * on each URI, with the production warnings of those the sandbox accepts.
     */
    public RedirectUriEvaluation evaluate(List<String> entered, Environment environment) {
        if (entered == null || entered.isEmpty()) {
            return new RedirectUriEvaluation(
                    Optional.of(new RedirectUriViolation(1, "Add at least one redirect URI")), List.of());
        }
        if (entered.size() > MAX_URIS) {
            return new RedirectUriEvaluation(
                    Optional.of(new RedirectUriViolation(
                            1,
                            "A client can have at most " + MAX_URIS + " redirect URIs; remove "
                                    + (entered.size() - MAX_URIS))),
                    List.of());
        }
        List<RedirectUriVerdict> verdicts = new ArrayList<>(entered.size());
        for (int i = 0; i < entered.size(); i++) {
            verdicts.add(verdict(i + 1, entered.get(i), environment));
        }
        return new RedirectUriEvaluation(duplicate(entered), verdicts);
    }

    /** The verdict on one URI on its own, as the first of a list. */
    public RedirectUriVerdict verdict(String entered, Environment environment) {
        return verdict(1, entered, environment);
    }

    private RedirectUriVerdict verdict(int position, String entered, Environment environment) {
        UriParts parts = UriParts.split(entered);
        boolean production = environment == Environment.PRODUCTION;
        Optional<RedirectUriViolation> violation =
                RedirectUriRules.firstViolation(production ? productionRules : sandboxRules, parts);
        if (violation.isPresent()) {
            return RedirectUriVerdict.refused(position, entered, violation.get());
        }
        List<RedirectUriViolation> warnings = new ArrayList<>(2);
        if (!production) {
            for (RedirectUriRules.Rule rule : productionOnlyRules) {
                rule.apply(parts).ifPresent(warnings::add);
            }
        }
        return RedirectUriVerdict.accepted(position, RedirectUri.accepted(parts), warnings);
    }

    /** Rule 1: the first URI that repeats an earlier one exactly, byte for byte. */
    private static Optional<RedirectUriViolation> duplicate(List<String> entered) {
        for (int i = 1; i < entered.size(); i++) {
            String uri = entered.get(i);
            for (int j = 0; j < i; j++) {
                if (uri != null && uri.equals(entered.get(j))) {
                    return Optional.of(new RedirectUriViolation(
                            1,
                            "Redirect URI " + (i + 1) + " is the same as redirect URI " + (j + 1)
                                    + "; remove one of them"));
                }
            }
        }
        return Optional.empty();
    }
}
