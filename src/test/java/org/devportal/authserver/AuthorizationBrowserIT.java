package org.devportal.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.ClientSecret;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * The authorization code flow in Chromium: the sandbox issuer sends the browser to the portal's sign-in, the
 * consent page shows the client, Allow posts the consent form, and the browser lands on the client's redirect URI
 * with a code that the client's back end exchanges for tokens that work at the sample API.
 */
class AuthorizationBrowserIT extends BrowserTest {

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Autowired
    ObjectMapper json;

    @Test
    void a_team_member_signs_in_consents_and_the_client_gets_working_tokens() {
        String email = "consenting-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Consenting Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Consent");
        String callback = baseUrl() + "/test-client/callback";
        ClientDetails client = clients.register(team.id(), ClientType.CONFIDENTIAL, "Ledger Sync", callback);
        client = clients.update(
                client.id(),
                client.version(),
                TestClients.from(client)
                        .withClientUri("https://ledger.example.com")
                        .withTosUri("https://ledger.example.com/terms")
                        .withPolicyUri("https://ledger.example.com/privacy")
                        .withScopes("vendors:read")
                        .build());
        ClientSecret secret =
                credentials.takeRevealAfterRegistration(client.id()).orElseThrow();
        SecurityContextHolder.clearContext();
        String clientId = client.sandboxClientId().toString();
        OAuthFlow flow = new OAuthFlow(baseUrl());

        browser.get(flow.authorizeUrl("/sandbox", clientId, callback, "vendors:read", "browser-state", Map.of()));
        signIn(email, OAuthFlow.PASSWORD);
        waitForPath("/consent");
        waitForText("Ledger Sync wants to access");
        waitForText("has not reviewed this client");
        assertThat(browser.findElement(By.id("consent-scopes")).getText()).contains("vendors:read");
        assertThat(browser.findElement(By.id("consent-tos")).getAttribute("href"))
                .isEqualTo("https://ledger.example.com/terms");
        screenshot("consent");
        click(By.id("consent-approve"));

        wait.until((WebDriver driver) -> driver.getCurrentUrl().startsWith(callback + "?"));
        Map<String, String> answer = OAuthFlow.query(browser.getCurrentUrl());
        assertThat(answer.get("state")).isEqualTo("browser-state");
        assertThat(answer.get("iss")).isEqualTo(baseUrl() + "/sandbox");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/test-client/callback");

        HttpResponse<String> tokens =
                flow.token("/sandbox", clientId, secret.value(), OAuthFlow.codeExchange(answer.get("code"), callback));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = json.readTree(tokens.body()).get("access_token").asString();
        HttpResponse<String> vendors = flow.api("/sandbox/api/v1/vendors", accessToken);
        assertThat(vendors.statusCode()).isEqualTo(200);
        assertThat(vendors.body()).contains("Nordic Office Supplies");
    }
}
