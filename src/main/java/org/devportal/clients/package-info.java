/**
 * The OAuth client aggregate: metadata, redirect URIs, scopes and lifecycle. For now it owns the developer's
 * start page, "your clients".
 *
 * <p>Its public API holds the client service and the records it returns. {@link org.devportal.clients.ClientField}
 * names each field once: its id, its label, and whether a change reaches production at once or after review and
 * affects the authorization flow. {@link org.devportal.clients.ProductionReadiness} holds the production rules that
 * submission enforces and the review shows again. Everything about redirect URIs (the value type, the
 * registration rules of the sandbox and of production, and the authorization server's match) is in the named
 * interface {@link org.devportal.clients.redirecturi}, together with the client's other web addresses, which share
 * its checks.
 *
 * <p>{@link org.devportal.clients.ClientService} serves signed-in people and checks their team membership. Two
 * services without that check are named interfaces of their own, so that a module can use them only if it declares
 * them among its allowed dependencies: {@code clients :: lifecycle} ({@link org.devportal.clients.ClientLifecycle},
 * reviewers' decisions, for the review module) and {@code clients :: machine}
 * ({@link org.devportal.clients.MachineClientService}, for the registration API, whose tokens are its authority).
 * They are types in this package rather than sub-packages because they act on the aggregate, which stays
 * package-private. Every module that depends on this one declares its allowed dependencies, so the module test
 * refuses any other use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package org.devportal.clients;
