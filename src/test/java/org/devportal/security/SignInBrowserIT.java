package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.security.idp.AccountService;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-up, verification, sign-out and sign-in through the real OIDC redirects, in a real Chromium: a failed sign-in
 * keeps the e-mail address, and an unverified account is asked to verify first.
 */
class SignInBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    AccountService accounts;

    @Test
    void a_developer_signs_up_signs_out_and_signs_in_again_through_the_oidc_redirects() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";

        browser.get(baseUrl() + "/");
        waitForPath("/idp/login");
        click(By.id("sign-up-link"));
        waitForPath("/idp/signup");
        type(By.cssSelector("#name input"), "Browser Tester");
        type(By.cssSelector("#email input"), email);
        type(By.cssSelector("#password input"), PASSWORD);
        click(By.id("create-account"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
        assertThat(mail.lastLink(email, "/idp/verify")).isPresent();

        click(By.id("continue-to-sign-in"));
        waitForPath("/idp/login");
        type(By.cssSelector("vaadin-login-form #vaadinLoginUsername input"), email);
        type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), "not the password at all")
                .sendKeys(Keys.ENTER);
        wait.until(driver -> email.equals(((JavascriptExecutor) driver)
                .executeScript("const f = document.querySelector('vaadin-login-form #vaadinLoginUsername');"
                        + " return f && f.value;")));

        type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), PASSWORD)
                .sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Verify your e-mail address"));
        assertThat(browser.findElements(By.tagName("vaadin-login-form"))).isEmpty();
        click(By.id("resend-verification"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resend-result"), "sent a new link"));
        accounts.verifyEmail(mail.lastToken(email, "/idp/verify"));

        browser.get(baseUrl() + "/");
        signIn(email, PASSWORD);
        waitForHeading(": clients");
        assertThat(path()).endsWith("/clients");

        signOut();
        signIn(email, PASSWORD);
        waitForHeading(": clients");

        browser.get(baseUrl() + "/no/such/page");
        waitForHeading("Page not found");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused to"));
    }
}
