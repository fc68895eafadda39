/**
 * The guided flow test: a developer runs the authorization code flow of one of their clients against the sandbox
 * issuer, step by step, and sees every HTTP request and response with its secrets masked and a verdict.
 *
 * <p>The portal acts as the OAuth client over real HTTP ({@link org.devportal.flowtest.FlowTests}); codes, tokens,
 * the PKCE verifier and the client secret live only in memory while a run is in progress. What is stored, in
 * {@code flow_test_run}, is the redacted transcript: steps, times, verdicts, request and response metadata, and
 * bodies with every such value cut to its first four characters and its length. It publishes nothing; adding the
 * portal's callback to a client goes through {@link org.devportal.clients.ClientService}, whose event the audit
 * log records. {@link org.devportal.flowtest.FlowTests#latestRun} and
 * {@link org.devportal.flowtest.FlowTests#latestRunForReview} expose the latest run as evidence.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Flow test",
        allowedDependencies = {"base", "clients", "clients :: redirecturi", "clients :: ui", "security", "teams"})
package org.devportal.flowtest;
