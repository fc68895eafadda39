package org.devportal.clients.redirecturi;

/**
 * Why a redirect URI is refused, or why one that the sandbox accepts would be refused for production.
 *
 * @param rule    the number of the registration rule that failed (docs/client-rules.md, redirect-URI rules 1–9)
 * @param message what is wrong and how to fix it, for the user
 */
public record RedirectUriViolation(int rule, String message) {}
