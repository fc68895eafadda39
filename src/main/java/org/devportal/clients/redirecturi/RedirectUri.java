package org.devportal.clients.redirecturi;

import java.util.Objects;
import java.util.Optional;

/**
 * A registered OAuth redirect URI, exactly as the developer entered it. The value is never trimmed or normalised:
 * the authorization server compares redirect URIs byte for byte (docs/client-rules.md, redirect-URI matching), so a URI
 * that needs normalising is refused with a message that says how to write it.
 *
 * <p>There are three ways to get one, and each says what the value has passed:
 * <ul>
 *   <li>{@link RedirectUriPolicy} turns what a user or a machine entered into redirect URIs for an environment,
 *       after every rule of that environment, including the configured platform domains (rule 9);</li>
 *   <li>{@link #of(String)} checks registration rules 1–7 as the sandbox applies them, the rules that need nothing but
 *       the URI; it is for tests and fixtures, and for code that has no configuration at hand;</li>
 *   <li>{@link #fromStorage(String)} takes a value read back from the database or a stored snapshot, without checking
 *       it again.</li>
 * </ul>
 * It is a class rather than a record because a record's constructor is always public and would have to choose
 * between checking every value, which would stop a stored URI from loading once the rules have tightened, and
 * checking none, which would let any string pass for a redirect URI.
 *
 * <p>It keeps its {@link UriParts}, so the host, the scheme and the loopback question are answered by the same split
 * that the rules used, wherever the URI travels.
 */
public final class RedirectUri {

    public static final int MAX_LENGTH = UriChecks.MAX_LENGTH;

    private final UriParts parts;

    private RedirectUri(UriParts parts) {
        this.parts = parts;
    }

    /**
     * The value as a redirect URI that satisfies registration rules 1–7 in the sandbox.
     *
     * @throws IllegalArgumentException with the message of the first rule the value breaks
     */
    public static RedirectUri of(String value) {
        UriParts parts = UriParts.split(value);
        Optional<RedirectUriViolation> violation =
                RedirectUriRules.firstViolation(RedirectUriRules.SANDBOX_SHAPE, parts);
        if (violation.isPresent()) {
            throw new IllegalArgumentException(violation.get().message());
        }
        return new RedirectUri(parts);
    }

    /**
     * A redirect URI as it was stored: in a client's row or in a reviewed or approved snapshot. It passed the rules
     * when it was saved and is not checked again, so that a client still loads after a rule has tightened; the
     * review and a submission judge it against today's rules. Never use this for input.
     */
    public static RedirectUri fromStorage(String value) {
        return new RedirectUri(UriParts.split(Objects.requireNonNull(value, "A stored redirect URI cannot be null")));
    }

    /** A URI that {@link RedirectUriPolicy} has just accepted, from the parts it checked. */
    static RedirectUri accepted(UriParts parts) {
        return new RedirectUri(parts);
    }

    /** The URI exactly as entered. */
    public String value() {
        return parts.raw();
    }

    /** The host exactly as written (IPv6 literals with their brackets), or empty for a stored value without one. */
    public String host() {
        return parts.host() == null ? "" : parts.host();
    }

    /** Whether it is an https URL; see {@link UriParts#isHttps()}. */
    public boolean isHttps() {
        return parts.isHttps();
    }

    /** Whether the host is one of the loopback hosts, localhost, 127.0.0.1 or [::1] (rule 7). */
    public boolean isLoopback() {
        return Hosts.isLoopback(parts.host());
    }

    UriParts parts() {
        return parts;
    }

    /** Redirect URIs are equal only when they are equal byte for byte. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RedirectUri uri && value().equals(uri.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
