package org.devportal.clients.redirecturi;

import java.util.Optional;

/**
 * One small check over a split URI, in the style of Spring Authorization Server's composed validators: it
 * returns the problem as a message a user can act on, or nothing when the URI passes. Checks compose with
 * {@link #andThen(UriCheck)}, which stops at the first problem.
 */
@FunctionalInterface
interface UriCheck {

    Optional<String> problem(UriParts uri);

    default UriCheck andThen(UriCheck next) {
        return uri -> {
            Optional<String> problem = problem(uri);
            return problem.isPresent() ? problem : next.problem(uri);
        };
    }
}
