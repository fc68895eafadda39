/**
 * The platform's authorization server over the portal's clients: two issuers, {@code {base}/sandbox} and
 * {@code {base}/production}, built on Spring Authorization Server. It reads clients through
 * {@link org.devportal.clients.ClientDirectory} instead of copying them, checks secrets with the credentials
 * module, keeps authorizations with their codes and tokens stored only as hashes, and owns the authorization,
 * token, introspection, revocation and OpenID Connect user info endpoints, ID tokens, the consent page and
 * discovery. Its {@link org.devportal.authserver.ActiveGrants} lets a client's team list and revoke the client's
 * live authorizations, which {@code authserver.ui} shows as the client page's "Active grants" tab.
 *
 * <p>The resource owner an authorization is for is the team's sandbox company, which it gets from the sandbox
 * module's {@code companies} interface; in turn it answers that module's
 * {@link org.devportal.sandbox.TokenIntrospection} for the sample API. Registration (RFC 7591/7592) is a module of
 * its own, which this one only advertises in the sandbox issuer's RFC 8414 metadata. Publishes
 * {@link org.devportal.authserver.GrantRecorded}, with {@link org.devportal.authserver.Issuer}, for the audit log.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Authorization server",
        allowedDependencies = {
            "base",
            "clients",
            "clients :: redirecturi",
            "clients :: ui",
            "credentials",
            "logos",
            "security",
            "teams",
            "sandbox :: companies",
            "sandbox :: introspection"
        })
package org.devportal.authserver;
