package org.devportal.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.devportal.base.Environment;
import org.devportal.test.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration endpoints as a team's automation calls them: an initial access token that a signed-in member
 * creates in the portal, then JSON over plain HTTP with that token or a registration access token as the bearer.
 * Redirects are not followed, so a test sees exactly what the endpoint answered.
 */
final class RegistrationFixture {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private RegistrationFixture() {}

    /** The value of a new initial access token for the team, created by the signed-in member. */
    static String initialAccessToken(
            InitialAccessTokenService tokens,
            UUID teamId,
            Environment environment,
            TokenLifetime lifetime,
            int maxUses) {
        return tokens.create(teamId, environment, lifetime, maxUses).token().value();
    }

    /** Sends a JSON request to a path on the test server, or to an absolute URL such as a registration URI. */
    static HttpResponse<String> send(String method, String pathOrUrl, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : IntegrationTest.baseUrl() + pathOrUrl))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
