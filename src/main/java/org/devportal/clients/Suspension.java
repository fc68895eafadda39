package org.devportal.clients;

import java.time.Instant;

/**
 * Why and since when the production issuer refuses an approved client: every authorization request, token request
 * and introspection of its tokens, until a reviewer or administrator reinstates it.
 */
public record Suspension(Instant since, String by, String reason) {}
