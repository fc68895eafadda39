package org.devportal.registration;

/**
 * The registration API refuses to change or delete a client approved for production: 403 with
 * {@code access_denied}. RFC 7592 §2.2 and §2.3 answer 403 when the client may not update or delete itself; the
 * token is valid, so 401 would mislead, and the metadata is not at fault, so 400 would too.
 */
public class ApprovedClientException extends RuntimeException {

    ApprovedClientException(String description) {
        super(description);
    }

    public String description() {
        return getMessage();
    }
}
