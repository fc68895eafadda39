package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.security.idp.TestAccounts;
import org.devportal.teams.TeamRole;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * The review journey in Chromium: a developer submits, a reviewer requests changes with a comment pinned to the
 * client name, the developer renames the client and resubmits, the reviewer sees only that change since the first
 * round and the comment resolved by it, and approves through the confirmation; the developer reveals the production
 * secret, and a production token follows.
 */
class ReviewBrowserIT extends BrowserTest {

    private static final String CALLBACK = "https://ledger.example.com/callback";

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ObjectMapper json;

    @Autowired
    TeamService teams;

    /** Other tests leave submissions waiting too: filter the queue by this test's team first. */
    private void openFromQueue(String teamName, String clientName) {
        browser.get(baseUrl() + "/review");
        type(By.cssSelector("#queue-team input"), teamName);
        wait.until(driver -> Long.valueOf(1)
                .equals(((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return document.getElementById('review-queue').size")));
        waitForText(clientName);
        click(By.xpath("//vaadin-grid-cell-content[text()='" + clientName + "']"));
    }

    @Test
    void submit_request_changes_fix_resubmit_approve_reveal_and_get_a_production_token() {
        String developerEmail = "journey-dev-" + UUID.randomUUID() + "@example.com";
        String reviewerEmail = "journey-reviewer-" + UUID.randomUUID() + "@example.com";
        TestAccounts.ensure(accounts, reviewerEmail, "Journey Reviewer", OAuthFlow.PASSWORD, Role.REVIEWER);
        signInWithAccount(developerEmail, "Journey Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Journey");
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Ledger Sync", ClientType.CONFIDENTIAL, CALLBACK);
        // The production sign-in at the end is a colleague's: the developer's own now needs a passkey, and only
        // members of the client's team may consent to it while the client is theirs to test.
        String userEmail = "journey-user-" + UUID.randomUUID() + "@example.com";
        teams.invite(team.id(), userEmail, TeamRole.DEVELOPER);
        signInWithAccount(userEmail, "Journey User", OAuthFlow.PASSWORD, Role.DEVELOPER);
        teams.acceptInvitation(mail.lastToken(userEmail, "/invitation"));
        SecurityContextHolder.clearContext();
        String clientPage = baseUrl() + "/clients/" + client.id();

        browser.get(clientPage + "/review");
        signIn(developerEmail, OAuthFlow.PASSWORD);
        waitForHeading("Ledger Sync");
        // The sandbox secret issued at registration is offered once, first.
        acknowledgeSecret();
        type(By.cssSelector("#review-note textarea"), "Syncs vendors nightly");
        click(By.id("submit-review"));
        waitForText("Waiting for review since");
        signOut();

        signIn(reviewerEmail, OAuthFlow.PASSWORD);
        openFromQueue(team.name(), "Ledger Sync");
        waitForText("Automatic checks");
        waitForText("First submission");
        type(By.cssSelector("#review-comment textarea"), "Please give the client a more specific name");
        click(By.cssSelector("#pin-field vaadin-select-value-button"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='Client name']"));
        type(By.cssSelector("#pin-text input"), "Name what it syncs");
        click(By.id("pin-add"));
        waitForText("Client name: Name what it syncs");
        click(By.id("review-request-changes"));
        screenshot("review-changes-requested");
        waitForText("Decided: changes requested by Journey Reviewer");
        signOut();

        signIn(developerEmail, OAuthFlow.PASSWORD);
        browser.get(clientPage + "/review");
        waitForText("Changes requested");
        waitForText("Please give the client a more specific name");
        waitForText("Name what it syncs");
        assertThat(browser.findElement(By.id("review-thread-messages")).getText())
                .contains("Client name", "Open");
        click(By.id("section-details"));
        type(By.cssSelector("#name input"), "Ledger Vendor Sync");
        click(By.id("save-client"));
        waitForText("Ledger Vendor Sync");
        click(By.id("section-review"));
        click(By.id("submit-review"));
        waitForText("Waiting for review since");
        signOut();

        signIn(reviewerEmail, OAuthFlow.PASSWORD);
        openFromQueue(team.name(), "Ledger Vendor Sync");
        waitForText("Ledger Vendor Sync · revision 2");
        waitForText("Changes since revision 1 (changes requested)");
        String sincePrevious =
                browser.findElement(By.id("review-diff-previous")).getText();
        assertThat(sincePrevious).contains("Client name", "Ledger Sync", "Ledger Vendor Sync");
        assertThat(sincePrevious).doesNotContain("Redirect URIs", "Scopes", "Logo");
        assertThat(browser.findElement(By.id("open-comments")).getText())
                .contains("Every comment on a field is resolved");
        assertThat(browser.findElement(By.id("resolved-comments")).getText())
                .contains("Name what it syncs", "The team changed Client name in revision 2");
        screenshot("review-page");
        click(By.id("review-approve"));
        waitForText("Approve Ledger Vendor Sync for production?");
        waitForText("New redirect host (Redirect URIs)");
        click(By.id("approve-confirm"));
        waitForText("Decided: approved by Journey Reviewer");
        signOut();

        signIn(developerEmail, OAuthFlow.PASSWORD);
        browser.get(clientPage + "/credentials");
        click(By.id("reveal-production-secret"));
        // The developer signed in with a password only: revealing a production secret asks for a passkey, which
        // the developer adds on the way, and the client page comes back.
        stepUp();
        waitForHeading("Ledger Vendor Sync");
        click(By.id("reveal-production-secret"));
        String secret = wait.until(driver -> {
            String value =
                    driver.findElement(By.cssSelector("#secret-value input")).getAttribute("value");
            return value != null && value.startsWith("dpprd_") ? value : null;
        });
        acknowledgeSecret();
        String productionId = browser.findElement(By.id("production-client-id")).getText();

        // The colleague signs in at production with a password; the developer's own sign-in would need the passkey.
        OAuthFlow flow = new OAuthFlow(baseUrl());
        Map<String, String> callback = flow.authorize(
                flow.authorizeUrl("/production", productionId, CALLBACK, "vendors:read", "prod-state", Map.of()),
                userEmail,
                "/production",
                productionId,
                List.of("vendors:read"));
        HttpResponse<String> tokens =
                flow.token("/production", productionId, secret, OAuthFlow.codeExchange(callback.get("code"), CALLBACK));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = json.readTree(tokens.body()).get("access_token").asString();
        HttpResponse<String> introspect = flow.api("/production/api/v1/introspect", accessToken);
        assertThat(introspect.statusCode()).isEqualTo(200);
        assertThat(json.readTree(introspect.body()).get("client_id").asString()).isEqualTo(productionId);
    }
}
