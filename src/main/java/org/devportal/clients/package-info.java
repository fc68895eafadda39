/**
 * The OAuth client aggregate: metadata, redirect URIs, scopes and lifecycle. For now it owns the developer's
 * start page, "your clients".
 *
 * <p>Its public API holds the client service and the records it returns. Everything about redirect URIs (the
 * value type, the registration rules of the sandbox and of production, and the authorization server's match) is
 * in the named interface {@link org.devportal.clients.redirecturi}, together with the client's other web
 * addresses, which share its checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package org.devportal.clients;
