package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.IntegrationTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * CORS at the issuers over HTTP, as a browser sends it: preflights answered without a redirect, the origins of a
 * public client's redirect URIs allowed at the token and revocation endpoints, every origin at the public
 * documents, and no {@code Access-Control-Allow-Origin} for anyone else.
 */
class IssuerCorsIT extends IntegrationTest {

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Autowired
    ClientService clients;

    /** Unique per run, since the database is shared by every integration test. */
    private final String spaHost = "spa-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

    private final String confidentialHost =
            "server-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

    private ClientDetails spa;
    private ClientDetails desktop;
    private ClientDetails confidential;
    private OAuthFlow flow;

    @BeforeEach
    void registerClients() {
        TeamSummary team = signInWithANewTeam("cors-" + UUID.randomUUID() + "@example.com", "CORS", Role.DEVELOPER);
        spa = clients.register(team.id(), ClientType.PUBLIC, "Ledger Dashboard", "https://" + spaHost + "/callback");
        desktop = withRedirectUris(
                clients.register(team.id(), ClientType.PUBLIC, "Ledger Desktop", "http://127.0.0.1/callback"),
                List.of("http://127.0.0.1/callback", "http://[::1]:8400/callback"));
        confidential = clients.register(
                team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", "https://" + confidentialHost + "/callback");
        SecurityContextHolder.clearContext();
        flow = new OAuthFlow(baseUrl());
    }

    private ClientDetails withRedirectUris(ClientDetails client, List<String> redirectUris) {
        return clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withRedirectUris(redirectUris.toArray(String[]::new))
                        .withScopes("vendors:read")
                        .build());
    }

    private HttpResponse<String> preflight(String path, String origin, String method) {
        return flow.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    }

    private HttpResponse<String> tokenRequest(String origin, String body) {
        return flow.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/oauth/token"))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static void assertNoCors(HttpResponse<String> response) {
        assertThat(response.headers().firstValue(ALLOW_ORIGIN)).isEmpty();
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void a_preflight_from_a_public_clients_origin_is_answered_without_a_redirect() {
        for (String origin : List.of("https://" + spaHost, "http://127.0.0.1:5173", "http://[::1]:40123")) {
            for (String path : List.of("/sandbox/oauth/token", "/sandbox/oauth/revoke")) {
                HttpResponse<String> response = preflight(path, origin, "POST");
                assertThat(response.statusCode()).as(origin + " " + path).isEqualTo(200);
                assertThat(response.headers().firstValue(ALLOW_ORIGIN))
                        .as(origin)
                        .contains(origin);
                assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                        .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
                assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                        .isEmpty();
                assertThat(response.headers().firstValue("Location")).isEmpty();
            }
        }
    }

    @Test
    void a_preflight_from_an_unknown_or_a_confidential_clients_origin_gets_no_cors_headers_and_no_redirect() {
        for (String origin : List.of(
                "https://evil.example.net",
                "https://" + confidentialHost,
                "https://" + spaHost + ":8443",
                "http://" + spaHost,
                "null")) {
            HttpResponse<String> response = preflight("/sandbox/oauth/token", origin, "POST");
            assertThat(response.statusCode()).as(origin).isLessThan(300);
            assertNoCors(response);
        }
        // Production knows only approved clients, and none of these is.
        assertNoCors(preflight("/production/oauth/token", "https://" + spaHost, "POST"));
        assertNoCors(preflight("/production/oauth/token", "http://127.0.0.1:5173", "POST"));
    }

    @Test
    void a_token_request_is_readable_only_from_an_origin_of_the_public_client_it_names() {
        String body = "grant_type=authorization_code&code=no-such-code&redirect_uri="
                + OAuthFlow.encode("https://" + spaHost + "/callback") + "&code_verifier=" + OAuthFlow.VERIFIER
                + "&client_id=";
        HttpResponse<String> own = tokenRequest("https://" + spaHost, body + spa.sandboxClientId());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
        assertThat(own.headers().firstValue(ALLOW_ORIGIN)).contains("https://" + spaHost);
        assertThat(own.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).contains("Origin"));

        HttpResponse<String> loopback = tokenRequest("http://127.0.0.1:5173", body + desktop.sandboxClientId());
        assertThat(loopback.headers().firstValue(ALLOW_ORIGIN)).contains("http://127.0.0.1:5173");

        assertNoCors(tokenRequest("https://evil.example.net", body + spa.sandboxClientId()));
        assertNoCors(tokenRequest("http://127.0.0.1:5173", body + spa.sandboxClientId()));
        assertNoCors(tokenRequest("https://" + confidentialHost, body + confidential.sandboxClientId()));
        assertNoCors(tokenRequest("https://" + spaHost, body.replace("&client_id=", "")));
    }

    @Test
    void discovery_and_the_jwks_are_readable_from_any_origin_without_credentials() {
        for (String path : List.of(
                "/sandbox/.well-known/oauth-authorization-server",
                "/.well-known/oauth-authorization-server/production",
                "/sandbox/oauth/jwks",
                "/production/oauth/jwks")) {
            HttpResponse<String> response = flow.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Origin", "https://anyone.example.org")
                    .GET()
                    .build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue(ALLOW_ORIGIN)).as(path).contains("*");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                    .isEmpty();

            HttpResponse<String> preflight = preflight(path, "https://anyone.example.org", "GET");
            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            assertThat(preflight.headers().firstValue(ALLOW_ORIGIN)).as(path).contains("*");
        }
    }
}
