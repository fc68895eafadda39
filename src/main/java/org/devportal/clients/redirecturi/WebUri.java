package org.devportal.clients.redirecturi;

import java.util.List;
import java.util.Optional;
import org.devportal.base.Environment;

/**
 * One of the client's web addresses: client URI, terms of service, privacy policy, initiation and settings page
 * (docs/client-rules.md, client fields). It is an absolute https URL without user-info or fragment, at most 2048
 * characters, kept exactly as entered. Like a {@link RedirectUri} it may use http in the sandbox only for localhost,
 * 127.0.0.1 and [::1].
 *
 * <p>It shares the character, host and port checks of redirect URIs, so the same address is judged the same way
 * in every field. It skips the rules that exist only because redirect URIs are matched byte for byte and receive
 * the authorization response: wildcards, default ports, dot-segments and reserved query parameters are allowed.
 * Messages say "this address", because the form field's label already says which address it is.
 */
public record WebUri(String value) {

    public static final int MAX_LENGTH = UriChecks.MAX_LENGTH;

    private static final UriChecks.Wording WORDING = new UriChecks.Wording(
            "This address", "in this address", "this address", "Enter an address, like https://example.com/terms");

    private static final List<UriCheck> SANDBOX_CHECKS = List.of(
            UriChecks.maxLength(WORDING),
            UriChecks.characters(WORDING, true),
            UriChecks.httpOrHttpsScheme(WORDING).andThen(UriChecks.hierarchical(WORDING)),
            UriChecks.noUserInfo(WORDING).andThen(UriChecks.hasHost()).andThen(UriChecks.validPort(true)),
            UriChecks.lowerCaseScheme().andThen(UriChecks.canonicalHost()),
            UriChecks.noFragment(WORDING),
            UriChecks.httpOnlyForLoopback());

    private static final UriCheck HTTPS_ONLY = UriChecks.httpsOnly();

    public WebUri {
        Optional<String> problem = firstProblem(UriParts.split(value == null ? "" : value));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public static WebUri of(String value) {
        return new WebUri(value);
    }

    /** What is wrong with the candidate for the environment, or empty if it is a valid address there. */
    public static Optional<String> check(String candidate, Environment environment) {
        UriParts parts = UriParts.split(candidate == null ? "" : candidate);
        Optional<String> problem = firstProblem(parts);
        if (problem.isPresent() || environment == Environment.SANDBOX) {
            return problem;
        }
        return HTTPS_ONLY.problem(parts).map(reason -> "Refused for production: " + reason);
    }

    /** Why this address, valid in the sandbox, would be refused for production, as a warning to show beside it. */
    public Optional<String> productionProblem() {
        return HTTPS_ONLY
                .problem(UriParts.split(value))
                .map(reason -> "This address works in the sandbox but will be refused for production: " + reason);
    }

    private static Optional<String> firstProblem(UriParts parts) {
        for (UriCheck check : SANDBOX_CHECKS) {
            Optional<String> problem = check.problem(parts);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
