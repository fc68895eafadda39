package org.devportal.clients.redirecturi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RedirectUriPolicy} makes of a client's whole list of redirect URIs, from one pass over each: the
 * list's own problem, if any (rule 1: none, more than {@value RedirectUriPolicy#MAX_URIS}, or an exact duplicate),
 * and a verdict for each URI by position. A list over the limit is refused as a whole and its URIs are not looked at.
 *
 * @param listError the problem with the list as a whole
 * @param verdicts  one per entered URI, in order; empty when the list is refused as a whole for its size
 */
public record RedirectUriEvaluation(Optional<RedirectUriViolation> listError, List<RedirectUriVerdict> verdicts) {

    public RedirectUriEvaluation {
        verdicts = List.copyOf(verdicts);
    }

    /** Whether the list may be registered as it is. */
    public boolean accepted() {
        return listError.isEmpty() && verdicts.stream().allMatch(RedirectUriVerdict::accepted);
    }

    /**
     * Every error: the list's own first, then each refused URI's in order, with its position in front
     * ("Redirect URI 2: …") and the number of the rule it breaks.
     */
    public List<RedirectUriViolation> errors() {
        List<RedirectUriViolation> errors = new ArrayList<>();
        listError.ifPresent(errors::add);
        for (RedirectUriVerdict verdict : verdicts) {
            verdict.error().ifPresent(error -> errors.add(positioned(verdict, error)));
        }
        return List.copyOf(errors);
    }

    /** The error to show when only one fits, such as the message of a refused save. */
    public Optional<RedirectUriViolation> firstError() {
        return errors().stream().findFirst();
    }

    /** Why the URIs that the sandbox accepts would be refused for production, each with its position in front. */
    public List<RedirectUriViolation> warnings() {
        List<RedirectUriViolation> warnings = new ArrayList<>();
        for (RedirectUriVerdict verdict : verdicts) {
            verdict.productionWarnings().forEach(warning -> warnings.add(positioned(verdict, warning)));
        }
        return List.copyOf(warnings);
    }

    /**
     * The accepted redirect URIs, in the order entered.
     *
     * @throws IllegalArgumentException with the message of the {@linkplain #firstError() first error}
     */
    public List<RedirectUri> uris() {
        Optional<RedirectUriViolation> error = firstError();
        if (error.isPresent()) {
            throw new IllegalArgumentException(error.get().message());
        }
        return verdicts.stream().map(verdict -> verdict.uri().orElseThrow()).toList();
    }

    private static RedirectUriViolation positioned(RedirectUriVerdict verdict, RedirectUriViolation violation) {
        return new RedirectUriViolation(
                violation.rule(), "Redirect URI " + verdict.position() + ": " + violation.message());
    }
}
