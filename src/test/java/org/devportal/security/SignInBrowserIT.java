package org.devportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.devportal.test.Chromium;
import org.devportal.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sign-up, sign-out and sign-in through the real OIDC redirects, in a real Chromium. */
class SignInBrowserIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough passphrase";

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Chromium.available(),
                "Chromium and chromedriver are not installed; browser tests skipped (apt-get install chromium chromium-driver)");
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

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
        signIn(email, PASSWORD);
        waitForHeading("Your clients");
        assertThat(browser.getCurrentUrl()).startsWith(baseUrl() + "/clients");

        click(By.cssSelector("#user-menu vaadin-menu-bar-button"));
        click(By.id("sign-out"));
        waitForPath("/idp/login");

        signIn(email, PASSWORD);
        waitForHeading("Your clients");

        browser.get(baseUrl() + "/no/such/page");
        waitForHeading("Page not found");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused to"));
    }

    private void signIn(String email, String password) {
        waitForPath("/idp/login");
        type(By.cssSelector("vaadin-login-form #vaadinLoginUsername input"), email);
        WebElement passwordField = type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), password);
        passwordField.sendKeys(Keys.ENTER);
    }

    private WebElement type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(locator));
        field.clear();
        field.sendKeys(text);
        return field;
    }

    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void waitForPath(String path) {
        wait.until((WebDriver driver) -> java.net.URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }

    private void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }
}
