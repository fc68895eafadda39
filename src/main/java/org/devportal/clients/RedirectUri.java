package org.devportal.clients;

/**
 * A registered OAuth redirect URI, exactly as the developer entered it. It satisfies SPEC §3.1 rules 1–7 as the
 * sandbox applies them; whether it may also be used in production, and whether it avoids the platform's own
 * domains, is decided by {@link RedirectUriPolicy}, which knows the environment and the configuration.
 *
 * <p>The value is never trimmed or normalised. The authorization server compares redirect URIs byte for byte
 * (SPEC §3.2), so a URI that needs normalising is refused with a message that says how to write it.
 */
public record RedirectUri(String value) {

    public static final int MAX_LENGTH = UriChecks.MAX_LENGTH;

    public RedirectUri {
        var violation = RedirectUriRules.firstViolation(
                RedirectUriRules.SANDBOX_SHAPE, UriParts.split(value == null ? "" : value));
        if (violation.isPresent()) {
            throw new IllegalArgumentException(violation.get().message());
        }
    }

    public static RedirectUri of(String value) {
        return new RedirectUri(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
