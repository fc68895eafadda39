package org.devportal.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.CredentialService;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.devportal.test.TestClients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole stepper in Chromium against the real sandbox issuer: the portal's callback is added with one click,
 * consent happens in a second tab, the callback reaches the waiting stepper by server push, and the run ends with
 * four passed checks.
 */
class FlowTestBrowserIT extends BrowserTest {

    @Autowired
    ClientService clients;

    @Autowired
    CredentialService credentials;

    @Test
    void a_confidential_client_passes_all_four_checks_in_the_browser() {
        runStepper(ClientType.CONFIDENTIAL, "https://ledger.example.com/callback");
    }

    @Test
    void a_public_client_passes_all_four_checks_with_pkce_alone_in_the_browser() {
        runStepper(ClientType.PUBLIC, "http://127.0.0.1:53123/spa/callback");
    }

    private void runStepper(ClientType type, String redirectUri) {
        String email = "browser-flow-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Browser Flow", SandboxConsent.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Browser flow");
        ClientDetails client = clients.register(team.id(), type, "Ledger Flow", redirectUri);
        client = clients.update(
                client.id(),
                client.version(),
                TestClients.from(client).withScopes("vendors:read").build());
        String secret = credentials
                .takeRevealAfterRegistration(client.id())
                .map(s -> s.value())
                .orElse(null);
        SecurityContextHolder.clearContext();

        // From the client page, scrolled down to the link, as a developer gets there.
        browser.get(baseUrl() + "/clients/" + client.id() + "/flow");
        signIn(email, SandboxConsent.PASSWORD);
        waitForHeading("Ledger Flow");
        click(By.id("flow-test-link"));
        waitForHeading("Test the flow");
        // It opens at the top, with nothing marked as run yet.
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const top = document.querySelector('h1').getBoundingClientRect().top;"
                        + " return top >= 0 && top < window.innerHeight / 4;"));
        assertThat(browser.findElement(By.id("flow-step-1-verdict")).getText()).isEmpty();
        click(By.id("flow-add-callback"));
        waitForText("the portal captures the code");
        click(By.id("flow-start"));
        waitForVerdict(3, "Waiting");
        String stepper = browser.getWindowHandle();
        click(By.id("flow-open"));
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.getWindowHandles().stream()
                .filter(handle -> !handle.equals(stepper))
                .findFirst()
                .ifPresent(handle -> browser.switchTo().window(handle));
        waitForPath("/consent");
        click(By.id("consent-approve"));
        wait.until((WebDriver driver) -> path().equals("/flowtest/callback"));
        waitForText("You can close this tab");
        browser.close();
        browser.switchTo().window(stepper);

        waitForVerdict(4, "Passed");
        waitForVerdict(3, "Callback received");
        // Scrolled out of view by now, where Selenium reads no text: ask the DOM.
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return document.getElementById('flow-step-1-verdict').textContent"))
                .isEqualTo("Passed");
        if (secret != null) {
            type(By.cssSelector("#flow-step-5-secret input"), secret);
        }
        click(By.id("flow-step-5-run"));
        waitForVerdict(5, "Passed");
        if (secret != null) {
            assertThat(browser.findElement(By.id("flow-step-5-secret")).getAttribute("value"))
                    .as("cleared")
                    .isEmpty();
        }
        click(By.id("flow-step-6-run"));
        waitForVerdict(6, "Passed");
        if (secret != null) {
            type(By.cssSelector("#flow-step-7-secret input"), secret);
        }
        click(By.id("flow-step-7-run"));
        waitForVerdict(7, "Passed");
        waitForVerdict(8, "Passed");
        screenshot("flow-test-" + type.name().toLowerCase());
        assertThat(browser.findElements(By.cssSelector("#flow-checks [data-passed='true']")))
                .hasSize(4);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain(secret == null ? "\u0000" : secret);
    }

    private void waitForVerdict(int step, String verdict) {
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("flow-step-" + step + "-verdict"), verdict));
    }
}
