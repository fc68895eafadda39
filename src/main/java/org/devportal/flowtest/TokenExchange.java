package org.devportal.flowtest;

/**
 * Step 5's result: its outcome, and the same request as a curl command with {@code $CLIENT_SECRET} and
 * {@code $CODE} in place of the secret and the (already used) code.
 */
public record TokenExchange(StepOutcome outcome, String curl) {}
