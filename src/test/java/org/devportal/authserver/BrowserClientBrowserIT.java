package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Browser-based clients in Chromium. A single-page app, served by a small server of the test's own on a loopback
 * address, receives its code after consent and exchanges and refreshes it with {@code fetch()} across origins, as
 * only CORS allows. On the IPv6 loopback it also proves that the consent form's answer reaches an address that the
 * consent page's content security policy cannot name. And a person who has not signed in and opens a bad
 * authorization request stays on the portal's error page.
 */
class BrowserClientBrowserIT extends BrowserTest {

    private static final String CALLBACK_PATH = "/spa/callback";

    @Autowired
    ClientService clients;

    @Autowired
    ObjectMapper json;

    private final String email = "spa-user-" + UUID.randomUUID() + "@example.com";
    private ClientDetails spa;
    private ClientDetails other;
    private HttpServer app;

    @BeforeEach
    void registerClients() {
        signInWithAccount(email, "Browser User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("SPA");
        spa = update(
                clients.register(team.id(), ClientType.PUBLIC, "Ledger Dashboard", "http://127.0.0.1" + CALLBACK_PATH),
                List.of("http://127.0.0.1" + CALLBACK_PATH, "http://[::1]" + CALLBACK_PATH));
        other = update(
                clients.register(
                        team.id(),
                        ClientType.PUBLIC,
                        "Someone Else",
                        "https://other-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com/cb"),
                null);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop(0);
        }
        SecurityContextHolder.clearContext();
    }

    private ClientDetails update(ClientDetails client, List<String> redirectUris) {
        TestClients.Builder edit = TestClients.from(client).withScopes("vendors:read");
        if (redirectUris != null) {
            edit.withRedirectUris(redirectUris.toArray(String[]::new));
        }
        return clients.update(client.id(), client.version(), edit.build());
    }

    @Test
    void a_single_page_app_on_127_0_0_1_exchanges_its_code_and_refreshes_with_fetch() {
        JsonNode result = runSinglePageApp("127.0.0.1", "http://127.0.0.1");
        assertThat(result.get("exchanged").asInt()).as(result.toString()).isEqualTo(200);
        assertThat(result.get("accessToken").asBoolean()).isTrue();
        assertThat(result.get("refreshed").asInt()).as(result.toString()).isEqualTo(200);
        assertThat(result.get("rotated").asBoolean()).isTrue();
        // The same kind of request for a client this origin does not belong to cannot be read.
        assertThat(result.get("otherClient").asString()).isEqualTo("blocked");
    }

    @Test
    void an_app_on_the_ipv6_loopback_gets_its_code_after_consent_and_uses_it_with_fetch() {
        JsonNode result = runSinglePageApp("::1", "http://[::1]");
        assertThat(result.get("exchanged").asInt()).as(result.toString()).isEqualTo(200);
        assertThat(result.get("refreshed").asInt()).as(result.toString()).isEqualTo(200);
        assertThat(result.get("rotated").asBoolean()).isTrue();
    }

    @Test
    void someone_not_signed_in_who_opens_a_bad_authorization_request_stays_on_the_error_page() {
        String clientId = spa.sandboxClientId().toString();
        String url = new OAuthFlow(baseUrl())
                .authorizeUrl("/sandbox", clientId, "http://127.0.0.1" + CALLBACK_PATH, "bogus", "s", Map.of());
        browser.get(url);
        wait.until((WebDriver driver) ->
                !driver.findElements(By.id("authorization-error")).isEmpty());
        screenshot("authorization-error-before-sign-in");
        URI current = URI.create(browser.getCurrentUrl());
        assertThat(current.getPort()).isEqualTo(URI.create(baseUrl()).getPort());
        assertThat(current.getPath()).isEqualTo("/sandbox/oauth/authorize");
        assertThat(browser.findElement(By.id("error-code")).getText()).isEqualTo("invalid_scope");
        assertThat(browser.findElement(By.id("authorization-error")).getText())
                .contains("bogus")
                .contains("before you sign in");
    }

    /**
     * Serves the app on the loopback address, runs authorize → sign-in → consent in Chromium, and returns what the
     * app's script reported after its token requests.
     */
    private JsonNode runSinglePageApp(String bindAddress, String origin) {
        String clientId = spa.sandboxClientId().toString();
        startApp(bindAddress, clientId);
        String redirectUri = origin + ":" + app.getAddress().getPort() + CALLBACK_PATH;
        browser.get(new OAuthFlow(baseUrl())
                .authorizeUrl("/sandbox", clientId, redirectUri, "vendors:read", "spa-state", Map.of()));
        signIn(email, OAuthFlow.PASSWORD);
        waitForPath("/consent");
        click(By.id("consent-approve"));
        wait.until((WebDriver driver) -> driver.getCurrentUrl().startsWith(redirectUri + "?"));
        Map<String, String> answer = OAuthFlow.query(browser.getCurrentUrl());
        assertThat(answer.get("state")).isEqualTo("spa-state");
        assertThat(answer.get("iss")).isEqualTo(baseUrl() + "/sandbox");
        wait.until((WebDriver driver) ->
                !driver.findElement(By.id("result")).getText().equals("running"));
        screenshot("single-page-app-" + (bindAddress.contains(":") ? "ipv6" : "ipv4"));
        String text = browser.findElement(By.id("result")).getText();
        assertThat(text).doesNotStartWith("failed");
        return json.readTree(text);
    }

    private void startApp(String bindAddress, String clientId) {
        String page = """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Ledger Dashboard</title></head>
                <body><pre id="result">running</pre><script>
                const TOKEN = %s, CLIENT = %s, OTHER = %s, VERIFIER = %s;
                async function token(parameters, headers) {
                  const response = await fetch(TOKEN, {
                    method: 'POST',
                    headers: Object.assign({'Content-Type': 'application/x-www-form-urlencoded'}, headers),
                    body: new URLSearchParams(parameters)
                  });
                  return {status: response.status, body: await response.json()};
                }
                (async () => {
                  const out = document.getElementById('result');
                  try {
                    const query = new URLSearchParams(location.search);
                    const exchanged = await token({grant_type: 'authorization_code', code: query.get('code'),
                        redirect_uri: location.origin + location.pathname, client_id: CLIENT,
                        code_verifier: VERIFIER}, {});
                    // A header that browsers do not send on their own: this request needs a preflight.
                    const refreshed = await token({grant_type: 'refresh_token',
                        refresh_token: exchanged.body.refresh_token, client_id: CLIENT},
                        {'X-Requested-With': 'XMLHttpRequest'});
                    const otherClient = await token({grant_type: 'refresh_token', refresh_token: 'x',
                        client_id: OTHER}, {}).then(() => 'readable', () => 'blocked');
                    out.textContent = JSON.stringify({
                      exchanged: exchanged.status, accessToken: !!exchanged.body.access_token,
                      refreshed: refreshed.status,
                      rotated: !!refreshed.body.refresh_token
                          && refreshed.body.refresh_token !== exchanged.body.refresh_token,
                      otherClient: otherClient});
                  } catch (e) {
                    out.textContent = 'failed: ' + e;
                  }
                })();
                </script></body></html>
                """.formatted(
                        quoted(baseUrl() + "/sandbox/oauth/token"),
                        quoted(clientId),
                        quoted(other.sandboxClientId().toString()),
                        quoted(OAuthFlow.VERIFIER));
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        try {
            app = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.createContext(CALLBACK_PATH, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
