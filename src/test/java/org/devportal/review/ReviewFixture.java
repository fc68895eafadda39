package org.devportal.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.GracePeriod;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.flowtest.FlowTestStarted;
import org.devportal.flowtest.FlowTestSummary;
import org.devportal.flowtest.FlowTests;
import org.devportal.logos.CropBox;
import org.devportal.logos.LogoService;
import org.devportal.logos.LogoTestImages;
import org.devportal.security.Role;
import org.devportal.test.SignedIn;
import org.devportal.test.TestClients;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A client complete enough to pass the checklist and the production rules, registered by a signed-in member. */
public final class ReviewFixture {

    private ReviewFixture() {}

    /** What a partner's server needs at the production issuer: the client ID there and a production secret. */
    public record ProductionCredentials(String clientId, ClientSecret secret) {}

    public static ClientDetails completeClient(
            ClientService clients, LogoService logos, UUID teamId, String name, ClientType type, String redirectUri) {
        ClientDetails client = clients.register(teamId, type, name, redirectUri);
        logos.upload(
                client.id(), LogoTestImages.png(LogoTestImages.quadrants(400, 400, 200, 200)), CropBox.of(0, 0, 400));
        client = clients.get(client.id());
        return clients.update(
                client.id(),
                client.version(),
                TestClients.complete()
                        .withName(name)
                        .withRedirectUri(redirectUri)
                        .withType(type)
                        .build());
    }

    /**
     * Submits the client as the signed-in member and has the reviewer, who is no member of its team, approve it
     * without a comment. The member is signed in again afterwards.
     */
    public static ClientDetails approve(
            ReviewService reviews, ClientService clients, UUID clientId, String reviewerEmail) {
        Authentication member = SecurityContextHolder.getContext().getAuthentication();
        ReviewRecord review = reviews.submit(clientId, "");
        SignedIn.as(reviewerEmail, Role.REVIEWER);
        reviews.approve(review.id(), review.version(), null);
        SecurityContextHolder.getContext().setAuthentication(member);
        return clients.get(clientId);
    }

    /**
     * {@link #approve Approves} the client and issues its first production secret as the member, who stays signed
     * in.
     */
    public static ProductionCredentials approveForProduction(
            ReviewService reviews,
            ClientService clients,
            CredentialService credentials,
            UUID clientId,
            String reviewerEmail) {
        approve(reviews, clients, clientId, reviewerEmail);
        ClientSecret secret = credentials.rotate(clientId, SecretEnvironment.PRODUCTION, GracePeriod.NOW);
        return new ProductionCredentials(
                clients.get(clientId).productionClientId().toString(), secret);
    }

    /**
     * A whole guided flow test of a confidential client with the scope {@code vendors:read}, run by the signed-in
     * member over HTTP against the sandbox: the member signs in and consents as the end user, pastes the URL their
     * app was sent back to, and the portal exchanges the code, calls the API and refreshes.
     */
    public static FlowTestSummary passedFlowTest(
            FlowTests flowTests,
            String baseUrl,
            ClientDetails client,
            String redirectUri,
            String email,
            String secret) {
        FlowTestStarted started = flowTests.start(client.id(), redirectUri, "vendors:read", outcome -> {});
        Map<String, String> back = new OAuthFlow(baseUrl)
                .authorize(
                        started.authorizationUrl(),
                        email,
                        "/sandbox",
                        client.sandboxClientId().toString(),
                        List.of("vendors:read"));
        flowTests.pasteCallback(
                started.runId(),
                redirectUri + "?code=" + encode(back.get("code")) + "&state=" + encode(back.get("state")) + "&iss="
                        + encode(back.get("iss")));
        flowTests.exchangeCode(started.runId(), secret);
        flowTests.callApi(started.runId());
        flowTests.refresh(started.runId(), secret);
        return flowTests.finish(started.runId());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
