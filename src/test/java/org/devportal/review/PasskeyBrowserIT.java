package org.devportal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.devportal.audit.AuditFilter;
import org.devportal.audit.PortalAudit;
import org.devportal.base.FieldChange;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.credentials.CredentialService;
import org.devportal.credentials.SecretEnvironment;
import org.devportal.logos.LogoService;
import org.devportal.security.Role;
import org.devportal.security.idp.AccountService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.devportal.test.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Passkeys in Chromium with its virtual authenticator: a developer adds a passkey on the passkeys page and gets
 * recovery codes, signs out, signs in with the password and then the passkey, and, once the last check is older
 * than the step-up maximum, confirms with the passkey again before the production secret is revealed, coming back
 * to the client page; the passed step-up is in the audit log.
 */
class PasskeyBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String CALLBACK = "https://passkeys.example.com/callback";

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    @Autowired
    ReviewService reviews;

    @Autowired
    CredentialService credentials;

    @Autowired
    PortalAudit audit;

    @Test
    void a_developer_adds_a_passkey_signs_in_with_it_and_confirms_it_again_before_revealing_a_production_secret() {
        String email = "passkey-dev-" + UUID.randomUUID() + "@example.com";
        String developer = signInWithAccount(email, "Passkey Developer", PASSWORD, Role.DEVELOPER);
        TeamSummary team = newTeam("Passkeys");
        ClientDetails client = ReviewFixture.completeClient(
                clients, logos, team.id(), "Vault Sync", ClientType.CONFIDENTIAL, CALLBACK);
        ReviewFixture.approve(reviews, clients, client.id(), "passkey-reviewer-" + UUID.randomUUID() + "@example.com");
        SecurityContextHolder.clearContext();

        browser.get(baseUrl() + "/account/passkeys");
        signIn(email, PASSWORD);
        waitForHeading("Passkeys");
        assertThat(path()).isEqualTo("/account/passkeys");
        type(By.cssSelector("#new-passkey-name input"), "Work laptop");
        click(By.id("add-passkey"));
        wait.until(driver ->
                driver.findElements(By.cssSelector("#recovery-codes li")).size() == 10);
        click(By.id("codes-saved"));
        waitForText("Work laptop");
        waitForText("10 unused recovery codes");

        signOut();
        type(By.cssSelector("vaadin-login-form #vaadinLoginUsername input"), email);
        type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), PASSWORD)
                .sendKeys(Keys.ENTER);
        waitForPath("/idp/passkey");
        click(By.id("use-passkey"));
        waitForHeading(": clients");

        clock.advance(Duration.ofMinutes(6));
        browser.get(baseUrl() + "/clients/" + client.id() + "/credentials");
        waitForHeading("Vault Sync");
        // The sandbox secret issued at registration is offered once, first, in a modal dialog over the page.
        acknowledgeSecret();
        click(By.id("reveal-production-secret"));
        waitForText("confirm it is you with your passkey");
        SignedIn.withSubject(developer, email, Role.DEVELOPER);
        assertThat(credentials.secrets(client.id(), SecretEnvironment.PRODUCTION))
                .as("nothing is revealed before the step-up")
                .isEmpty();
        SecurityContextHolder.clearContext();

        click(By.id("step-up-continue"));
        waitForPath("/idp/passkey");
        click(By.id("use-passkey"));
        waitForPath("/clients/" + client.id() + "/credentials");
        waitForHeading("Vault Sync");
        click(By.id("reveal-production-secret"));
        String secret = wait.until(driver -> {
            String value =
                    driver.findElement(By.cssSelector("#secret-value input")).getAttribute("value");
            return value != null && value.startsWith("dpprd_") ? value : null;
        });

        SignedIn.withSubject(developer, email, Role.DEVELOPER);
        assertThat(credentials.verify(client.id(), SecretEnvironment.PRODUCTION, secret))
                .isTrue();
        SignedIn.as("passkey-audit-admin-" + UUID.randomUUID() + "@example.com", Role.ADMIN);
        assertThat(audit.search(AuditFilter.ALL.withAction("Step-up passed"), 0, PortalAudit.MAX_LIMIT).stream()
                        .filter(record -> record.changes().contains(new FieldChange("Account", null, email))))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.actor()).isEqualTo("Passkey Developer");
                    assertThat(record.changes())
                            .contains(
                                    new FieldChange("For", null, "reveal a production secret"),
                                    new FieldChange("Second factor", null, "hwk"));
                });
        SecurityContextHolder.clearContext();
    }
}
