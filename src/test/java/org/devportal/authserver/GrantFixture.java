package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real authorizations of one confidential sandbox client over HTTP: consent, code exchange, refreshes and
 * introspection, as a partner's server would do them.
 */
public final class GrantFixture {

    public static final String SANDBOX = "/sandbox";

    private final OAuthFlow flow;
    private final String baseUrl;
    private final String clientId;
    private final String redirectUri;
    private final String email;
    private final ObjectMapper json = new JsonMapper();

    /** For the client with this sandbox client ID, consenting as the account with this e-mail address. */
    public GrantFixture(String baseUrl, String clientId, String redirectUri, String email) {
        this.flow = new OAuthFlow(baseUrl);
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.email = email;
    }

    public record Tokens(String accessToken, String refreshToken) {}

    /** Consents to {@code vendors:read} and exchanges the code with the secret; a new authorization each time. */
    public Tokens authorize(String secret, String state) {
        String url = flow.authorizeUrl(SANDBOX, clientId, redirectUri, "vendors:read", state, Map.of());
        Map<String, String> callback = flow.authorize(url, email, SANDBOX, clientId, List.of("vendors:read"));
        return tokens(flow.token(SANDBOX, clientId, secret, OAuthFlow.codeExchange(callback.get("code"), redirectUri)));
    }

    /** Refreshes, which must succeed; returns the new tokens. */
    public Tokens refreshed(String refreshToken, String secret) {
        return tokens(refresh(refreshToken, secret));
    }

    public HttpResponse<String> refresh(String refreshToken, String secret) {
        return flow.token(
                SANDBOX, clientId, secret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** Whether the issuer's introspection endpoint calls the token active. */
    public boolean active(String token, String secret) {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (OAuthFlow.encode(clientId) + ":" + OAuthFlow.encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response =
                flow.send(HttpRequest.newBuilder(URI.create(baseUrl + SANDBOX + "/oauth/introspect"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + basic)
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + OAuthFlow.encode(token)))
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("active").asBoolean();
    }

    /** The error code of a refused token response. */
    public String error(HttpResponse<String> response) {
        JsonNode body = json.readTree(response.body());
        return body.get("error").asString();
    }

    private Tokens tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return new Tokens(
                body.get("access_token").asString(), body.get("refresh_token").asString());
    }
}
