/**
 * The identity provider's pages (sign-in, sign-up, verification, reset, passkey confirmation and registration),
 * the sign-in error page, the accounts page and the passkeys page. Publishes {@link
 * org.devportal.security.ui.StepUpPrompt}, which other features' views show when a service asks for a fresh second
 * factor.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.devportal.security.ui;
