package org.devportal.review;

import java.time.Instant;
import java.util.UUID;

/** A message of a review thread; {@code field} names the client field it is pinned to, or is null. */
public record ThreadMessage(
        UUID id, String author, boolean fromReviewer, String field, String text, Instant createdAt) {}
