package org.devportal.clients;

import java.util.UUID;

/**
 * A revision frozen for review.
 *
 * @param clientId the client
 * @param teamId its team
 * @param submitted every field as submitted
 * @param approved the last approved revision, for the diff; null before the first approval
 */
public record Submission(UUID clientId, UUID teamId, ClientSnapshot submitted, ClientSnapshot approved) {}
