package org.devportal.clients;

/**
 * A team's request to let a confidential client skip PKCE in production, with the written reason a reviewer reads
 * (docs/client-rules.md, PKCE exception). Public clients never get one: PKCE is the only proof that a public client's
 * code exchange is its own.
 */
public record PkceExceptionRequest(String reason) {

    public static final int MAX_LENGTH = 1000;

    public PkceExceptionRequest {
        reason = reason == null ? "" : reason.strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException(
                    "Explain why the client cannot use PKCE; a reviewer grants the exception only with a reason");
        }
        if (reason.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Keep the reason under " + MAX_LENGTH + " characters");
        }
        if (reason.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')
                || reason.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            throw new IllegalArgumentException("The reason cannot contain control or invisible characters");
        }
    }

    /** Checks that a client of this type may ask for an exception at all. */
    static void allowedFor(ClientType type) {
        if (type == ClientType.PUBLIC) {
            throw new IllegalArgumentException(
                    "Public clients cannot have a PKCE exception: PKCE is what proves a public client's code "
                            + "exchange is its own. Only a confidential client, which has a secret, may ask for one");
        }
    }
}
