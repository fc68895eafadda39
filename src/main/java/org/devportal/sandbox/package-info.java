/**
 * The sandbox's fake platform: each team's sandbox company with a little dummy data (vendors, accounts, users),
 * created the first time a member of the team authorises a client for it, and the sample API that serves that data
 * at {@code {issuer}/api/v1/**} below both issuers ({@code introspect}, {@code vendors}), with its own stateless
 * filter chain for bearer tokens.
 *
 * <p>Publishes two named interfaces. {@code companies} ({@link org.devportal.sandbox.SandboxCompanies}): the company
 * an authorization is for, which the issuers use on the consent page, when the consent is posted, and as the
 * token's subject. {@code introspection} ({@link org.devportal.sandbox.TokenIntrospection}): what the sample API
 * needs to know about a bearer token, which the issuers implement. Declaring that question here keeps the direction
 * one way: the issuers depend on this module, never the reverse. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sandbox",
        allowedDependencies = {"base", "clients", "security", "teams"})
package org.devportal.sandbox;
