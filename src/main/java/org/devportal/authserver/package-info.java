/**
 * The platform's authorization server over the portal's clients: two issuers, {@code {base}/sandbox} and
 * {@code {base}/production}, built on Spring Authorization Server. It reads clients through
 * {@link org.devportal.clients.ClientDirectory} instead of copying them, checks secrets with the credentials
 * module, keeps authorizations with their codes and tokens stored only as hashes, and serves a small sample API
 * on each issuer's resource side. Publishes {@link org.devportal.authserver.GrantRecorded} for the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authorization server")
package org.devportal.authserver;
