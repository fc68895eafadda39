package org.devportal.clients.redirecturi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RedirectUriPolicy} makes of one entered URI: either the first rule it breaks, or the redirect URI it
 * stands for. In the sandbox an accepted URI also carries the production verdict: every rule it would break there
 * (rule 7, http, and rule 8, hosts that cannot be publicly reachable), worded as warnings.
 *
 * @param position           where the URI stands in the client's list, from 1
 * @param entered            the text as entered, possibly {@code null}
 * @param uri                the redirect URI, when the environment accepts it
 * @param error              the first rule the text breaks, when the environment refuses it
 * @param productionWarnings for a URI the sandbox accepts, why production would refuse it; otherwise empty
 */
public record RedirectUriVerdict(
        int position,
        String entered,
        Optional<RedirectUri> uri,
        Optional<RedirectUriViolation> error,
        List<RedirectUriViolation> productionWarnings) {

    public RedirectUriVerdict {
        productionWarnings = List.copyOf(productionWarnings);
    }

    static RedirectUriVerdict accepted(int position, RedirectUri uri, List<RedirectUriViolation> productionWarnings) {
        return new RedirectUriVerdict(position, uri.value(), Optional.of(uri), Optional.empty(), productionWarnings);
    }

    static RedirectUriVerdict refused(int position, String entered, RedirectUriViolation error) {
        return new RedirectUriVerdict(position, entered, Optional.empty(), Optional.of(error), List.of());
    }

    public boolean accepted() {
        return uri.isPresent();
    }

    /**
     * Everything that keeps this URI out of production, as the review and a submission list it: its error if the
     * sandbox refuses it, otherwise its production warnings.
     */
    public List<RedirectUriViolation> productionProblems() {
        List<RedirectUriViolation> problems = new ArrayList<>(productionWarnings.size() + 1);
        error.ifPresent(problems::add);
        problems.addAll(productionWarnings);
        return List.copyOf(problems);
    }
}
