/**
 * Dynamic client registration: RFC 7591 registration at {@code {base}/sandbox/oauth/register} and
 * {@code {base}/production/oauth/register} with an initial access token of that environment, and RFC 7592 management
 * of a registered client with its registration access token. A production registration submits the client for review
 * ({@link org.devportal.review.ReviewService#submitAs}) in the same transaction; production credentials come with
 * approval, as in the portal.
 *
 * <p>Owns the initial access tokens of teams ({@link org.devportal.registration.InitialAccessTokenService}),
 * the registration access tokens of clients, which expire, rotate on every use and can be listed and revoked by
 * the team ({@link org.devportal.registration.RegistrationAccessTokenService}), their filter chain, and the
 * protocol mapping ({@link org.devportal.registration.ClientMetadata}). Client rules stay with the clients module,
 * whose machine-caller interface ({@link org.devportal.clients.MachineClientService}) the API goes through as the
 * actor "Registration API", having checked the token itself, so registrations appear in each client's history like any
 * other change. Token values are never stored, logged or audited; only their SHA-256 is kept.
 *
 * <p>The same mapping is the client's configuration as code
 * ({@link org.devportal.registration.ClientConfigurationService}): a member exports a client as its metadata,
 * without identifiers, secrets or tokens, and imports a document as a new client or applies it to one after a
 * field-by-field preview ({@link org.devportal.registration.ConfigurationDiff}), through
 * {@link org.devportal.clients.ClientService} and so under the client page's rules and review.
 *
 * <p>It needs nothing of the issuers: the sandbox issuer only names this endpoint in its discovery document. Its
 * contributions to other modules are the team's token section on the client list
 * ({@link org.devportal.clients.ui.ClientListContribution}), the import button in its header
 * ({@link org.devportal.clients.ui.ClientListAction}), and the configuration section on the client page
 * ({@link org.devportal.clients.ui.ClientPageSection}). Publishes
 * {@link org.devportal.registration.InitialAccessTokenChanged} (created, revoked, used) for the audit log.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Client registration",
        allowedDependencies = {
            "base",
            "clients",
            "clients :: machine",
            "clients :: redirecturi",
            "clients :: ui",
            "credentials",
            "review",
            "security",
            "teams"
        })
package org.devportal.registration;
