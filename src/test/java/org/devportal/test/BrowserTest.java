package org.devportal.test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The base of real-browser tests: a headless Chromium against the test server, and the few steps every such
 * test repeats. A screenshot of the last page is kept under {@code target/browser-screenshots} for diagnosis.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(
                Chromium.available(),
                "Chromium and chromedriver are not installed; browser tests skipped (apt-get install chromium chromium-driver)");
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // A platform authenticator that always verifies its user, as a phone or laptop would after a fingerprint.
        browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            screenshot("last-" + getClass().getSimpleName());
            browser.quit();
        }
    }

    protected void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // A missing screenshot must not hide the test's own result.
        }
    }

    protected void signIn(String email, String password) {
        waitForPath("/idp/login");
        type(By.cssSelector("vaadin-login-form #vaadinLoginUsername input"), email);
        type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), password)
                .sendKeys(Keys.ENTER);
        passSecondFactor();
    }

    /**
     * Waits until the redirects through the identity provider are over, passing its second-factor step on the way
     * with the browser's virtual authenticator: registering a passkey first where the provider asks for one.
     */
    protected void passSecondFactor() {
        String at = wait.until((WebDriver driver) -> {
            String path = URI.create(driver.getCurrentUrl()).getPath();
            boolean passing = path.startsWith("/idp/") || path.startsWith("/login/") || path.startsWith("/oauth2/");
            return !passing || path.startsWith("/idp/passkey") ? path : null;
        });
        if (at.equals("/idp/passkey/register")) {
            type(By.cssSelector("#passkey-name input"), "Virtual authenticator");
            click(By.id("create-passkey"));
            wait.until(driver -> !driver.findElements(By.id("codes-saved")).isEmpty()
                    || URI.create(driver.getCurrentUrl()).getPath().equals("/idp/passkey"));
            if (!browser.findElements(By.id("codes-saved")).isEmpty()) {
                click(By.id("codes-saved"));
            }
            waitForPath("/idp/passkey");
            at = "/idp/passkey";
        }
        if (at.equals("/idp/passkey")) {
            click(By.id("use-passkey"));
        }
        wait.until((WebDriver driver) -> {
            String path = URI.create(driver.getCurrentUrl()).getPath();
            return !path.startsWith("/idp/") && !path.startsWith("/login/") && !path.startsWith("/oauth2/");
        });
    }

    /** Answers the portal's request for a fresh second factor and comes back through the identity provider. */
    protected void stepUp() {
        click(By.id("step-up-continue"));
        wait.until((WebDriver driver) ->
                URI.create(driver.getCurrentUrl()).getPath().startsWith("/idp/"));
        passSecondFactor();
    }

    protected void signOut() {
        click(By.cssSelector("#user-menu vaadin-menu-bar-button"));
        click(By.id("sign-out"));
        waitForPath("/idp/login");
    }

    /**
     * Runs the create wizard from the current client list: the kind (1 web app, 2 single-page app, 3 mobile or
     * desktop app), the name, the first redirect URI, a home page and the catalogue's first scope. Ends on the new
     * client's page.
     */
    protected void registerClient(By opener, int kind, String name, String redirectUri) {
        click(opener);
        click(By.cssSelector("#wizard-kind vaadin-radio-button:nth-of-type(" + kind + ") label"));
        click(By.id("wizard-next"));
        type(By.cssSelector("#wizard-name input"), name);
        click(By.id("wizard-next"));
        type(By.cssSelector("#wizard-redirect-uri input"), redirectUri);
        click(By.id("wizard-next"));
        type(By.cssSelector("#wizard-client-uri input"), "https://app.example.com");
        click(By.id("wizard-next"));
        click(By.cssSelector("#wizard-scopes vaadin-checkbox label"));
        click(By.id("wizard-next"));
        waitForHeading(name);
    }

    /**
     * Chooses the file in the client page's logo upload. Its file input sits inside the upload's shadow DOM, which
     * Selenium's locators do not reach.
     */
    protected void chooseLogoFile(Path file) {
        WebElement input = wait.until(driver -> (WebElement) ((JavascriptExecutor) driver).executeScript("""
                const find = root => {
                    const input = root.querySelector('input[type=file]');
                    if (input) return input;
                    for (const element of root.querySelectorAll('*')) {
                        const found = element.shadowRoot && find(element.shadowRoot);
                        if (found) return found;
                    }
                    return null;
                };
                const upload = document.getElementById('logo-upload');
                return upload ? find(upload.shadowRoot || upload) || find(upload) : null;"""));
        input.sendKeys(file.toString());
    }

    /** Waits until the crop dialog's Cropper.js has drawn the chosen image. */
    protected void waitForCropper() {
        wait.until(
                driver -> ((JavascriptExecutor) driver)
                        .executeScript(
                                "const c = document.querySelector('logo-cropper'); return c && c.querySelector('.cropper-container') !== null"));
    }

    protected WebElement type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        // Out of view inside the app layout's scrolling area counts as invisible: scroll first.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field = wait.until(ExpectedConditions.elementToBeClickable(locator));
        field.clear();
        field.sendKeys(text);
        return field;
    }

    protected void click(By locator) {
        // Selenium counts an element outside the app layout's scrolling area as invisible, so it is scrolled into
        // view before it is asked whether it can be clicked. A page still laying out (a section arriving above the
        // element) can move something over the element between the scroll and the click; the click is then tried
        // again, scrolled afresh.
        wait.until(driver -> {
            List<WebElement> found = driver.findElements(locator);
            if (found.isEmpty()) {
                return false;
            }
            try {
                ((JavascriptExecutor) driver)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'})", found.getFirst());
                WebElement element =
                        ExpectedConditions.elementToBeClickable(locator).apply(driver);
                // A Vaadin button is a custom element, which Selenium counts as enabled whatever its disabled
                // attribute says; a click before the server's answer has enabled it (a busy machine) would be lost.
                if (element == null || element.getDomAttribute("disabled") != null) {
                    return false;
                }
                element.click();
                return true;
            } catch (ElementClickInterceptedException | StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /**
     * Confirms "I have stored it safely" in the dialog that shows a new secret once, closes it, and waits until it is
     * gone, so that the next step does not reach for the page under it.
     */
    protected void acknowledgeSecret() {
        click(By.cssSelector("#secret-stored label"));
        click(By.id("secret-done"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secret-done")));
    }

    protected void waitForPath(String path) {
        wait.until((WebDriver driver) ->
                URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }

    protected void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    protected void waitForText(String text) {
        wait.until(driver -> ((String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText"))
                .contains(text));
    }

    protected String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }
}
