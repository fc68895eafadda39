/**
 * Sign-in and roles. The portal is an OIDC client; by default it signs users in through its built-in
 * identity provider ({@code idp}), and any external OIDC provider can replace it through configuration.
 * Publishes {@link org.devportal.security.CurrentUser}, {@link org.devportal.security.PortalUser} and
 * {@link org.devportal.security.Role}, which every service uses for its own access checks, and the step-up policy
 * ({@link org.devportal.security.StepUp}) that sensitive actions call. Publishes
 * {@link org.devportal.security.StepUpPassed} when a step-up comes back with a fresh second factor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.devportal.security;
