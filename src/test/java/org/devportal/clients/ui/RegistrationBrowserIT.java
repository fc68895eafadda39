package org.devportal.clients.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration journey in a real Chromium: a developer creates two teams, invites a colleague, who joins,
 * and registers a web app, a single-page app and a mobile app through the wizard.
 */
class RegistrationBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    AccountService accounts;

    @Test
    void a_developer_creates_two_teams_invites_a_colleague_and_registers_three_clients() {
        String developer = "journey-" + UUID.randomUUID() + "@example.com";
        String colleague = "colleague-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(developer, "Journey Developer", PASSWORD);
        accounts.signUp(colleague, "Journey Colleague", PASSWORD);
        accounts.verifyEmail(mail.lastToken(developer, "/idp/verify"));
        accounts.verifyEmail(mail.lastToken(colleague, "/idp/verify"));

        browser.get(baseUrl() + "/");
        signIn(developer, PASSWORD);
        waitForHeading(": clients");

        String webTeam = createTeam("Acme Web");
        createTeam("Acme Mobile");
        browser.get(baseUrl() + "/teams/" + webTeam);
        waitForHeading("Acme Web");
        type(By.cssSelector("#invite-email input"), colleague);
        click(By.id("send-invitation"));
        waitForText(colleague);
        String invitation = mail.lastLink(colleague, "/invitation").orElseThrow();

        currentTeam = webTeam;
        browser.get(baseUrl() + "/teams/" + webTeam + "/clients");
        waitForHeading("Acme Web: clients");
        register(By.id("register-first-client"), 1, "Acme Ledger", "https://ledger.acme.example/oauth/callback");
        register(By.id("register-client"), 2, "Acme Dashboard", "https://dashboard.acme.example/callback");
        register(By.id("register-client"), 3, "Acme Phone", "http://127.0.0.1/callback");
        browser.get(baseUrl() + "/teams/" + webTeam + "/clients");
        waitForText("Acme Phone");
        waitForText("Acme Ledger");
        screenshot("client-list");
        assertThat(browser.findElements(By.cssSelector("#clients vaadin-grid-cell-content")))
                .map(cell -> cell.getText().lines().reduce("", (a, b) -> b))
                .contains("Acme Ledger", "Acme Dashboard", "Acme Phone", "Server-side web app")
                .filteredOn(text -> text.startsWith("Acme "))
                .hasSize(3);

        signOut();
        signIn(colleague, PASSWORD);
        waitForHeading(": clients");
        browser.get(invitation);
        waitForHeading("Join Acme Web");
        click(By.id("accept-invitation"));
        waitForPath("/teams/" + webTeam);
        waitForText("Journey Colleague (you)");
    }

    /**
     * The check of the redirect URI answers a moment after typing stops. Its warning must not move the wizard's
     * buttons, or a click on Next that is on its way lands beside the button and is lost.
     */
    @Test
    void the_redirect_uri_warning_appears_without_moving_the_wizards_next_button() {
        String developer = "steady-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(developer, "Steady Developer", PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Steady");
        browser.get(baseUrl() + "/teams/" + team.id() + "/clients");
        signIn(developer, PASSWORD);
        waitForHeading(": clients");
        click(By.id("register-first-client"));
        click(By.cssSelector("#wizard-kind vaadin-radio-button:nth-of-type(3) label"));
        click(By.id("wizard-next"));
        type(By.cssSelector("#wizard-name input"), "Steady Phone");
        click(By.id("wizard-next"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wizard-redirect-uri input")));
        String before = nextButtonBounds();

        type(By.cssSelector("#wizard-redirect-uri input"), "http://127.0.0.1/callback");
        waitForText("will be refused for production");
        screenshot("wizard-redirect-warning");

        assertThat(nextButtonBounds()).isEqualTo(before);
        click(By.id("wizard-next"));
        type(By.cssSelector("#wizard-client-uri input"), "https://app.example.com");
    }

    private String nextButtonBounds() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("const r = document.getElementById('wizard-next').getBoundingClientRect();"
                        + " return r.left + ',' + r.top + ',' + r.width + ',' + r.height;");
    }

    private String createTeam(String name) {
        browser.get(baseUrl() + "/teams");
        click(By.id("new-team"));
        type(By.cssSelector("#team-name input"), name);
        click(By.id("create-team"));
        waitForHeading(name);
        return path().substring("/teams/".length());
    }

    private String currentTeam;

    private void register(By opener, int kind, String name, String redirectUri) {
        if (!path().endsWith("/" + currentTeam + "/clients")) {
            browser.get(baseUrl() + "/teams/" + currentTeam + "/clients");
            waitForHeading(": clients");
        }
        registerClient(opener, kind, name, redirectUri);
        screenshot("client-" + kind);
    }
}
