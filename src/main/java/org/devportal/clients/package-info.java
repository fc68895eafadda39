/**
 * The OAuth client aggregate: metadata, redirect URIs, scopes and lifecycle. For now it owns the developer's
 * start page, "your clients".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package org.devportal.clients;
