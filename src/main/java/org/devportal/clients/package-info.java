/**
 * The OAuth client aggregate: metadata, redirect URIs, scopes and lifecycle. For now it owns the developer's
 * start page, "your clients".
 *
 * <p>Its public API so far holds the client's URI value objects: {@link org.devportal.clients.RedirectUri} and
 * {@link org.devportal.clients.WebUri}, and the {@link org.devportal.clients.RedirectUriPolicy} that applies the
 * redirect-URI registration rules of the sandbox or of production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package org.devportal.clients;
