package org.devportal.logos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.devportal.security.idp.AccountService;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads a non-square photo, crops it square in Chromium, saves it, and checks the served PNG's pixels. */
class LogoCropBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    AccountService accounts;

    @Autowired
    LogoService logos;

    @Test
    void a_cropped_logo_is_served_square_with_exactly_the_chosen_region() throws IOException {
        String email = "cropper-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(email, "Crop Tester", PASSWORD);
        accounts.verifyEmail(mail.lastToken(email, "/idp/verify"));
        Path photo = Files.createTempFile("portal-logo-", ".png");
        // 900×600: red and green above, blue and yellow below, meeting at (600, 300).
        Files.write(photo, LogoTestImages.png(LogoTestImages.quadrants(900, 600, 600, 300)));

        browser.get(baseUrl() + "/");
        signIn(email, PASSWORD);
        waitForHeading(": clients");
        registerClient(By.id("register-first-client"), 2, "Crop Test", "https://crop.example.com/cb");
        click(By.id("section-logo"));
        wait.until(driver -> path().endsWith("/logo"));

        chooseLogoFile(photo);
        waitForCropper();
        screenshot("logo-cropper");
        // The zoom slider starts where Cropper.js starts (the fitted image, 0.4 on its log scale from a quarter
        // to eight times that) and follows a zoom made another way, here the + key.
        wait.until(driver -> Math.abs(zoomSlider() - 0.4) < 0.01);
        WebElement area = browser.findElement(By.cssSelector("logo-cropper .area"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", area);
        area.sendKeys("+");
        wait.until(driver -> zoomSlider() > 0.41);
        area.sendKeys("0");
        wait.until(driver -> Math.abs(zoomSlider() - 0.4) < 0.01);
        ((JavascriptExecutor) browser).executeScript("document.querySelector('logo-cropper').setCrop(300, 0, 600)");
        waitForText("Selection: 600×600 pixels of 900×600");
        click(By.id("save-logo"));
        wait.until(driver -> !driver.findElements(By.id("current-logo")).isEmpty());
        screenshot("logo-saved");

        String src = browser.findElement(By.id("current-logo")).getDomAttribute("src");
        String hash = src.substring(src.lastIndexOf('/') + 1, src.lastIndexOf('-'));
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(
                new org.devportal.test.HttpTestClient(baseUrl()).getBytes(LogoService.path(hash, 512))));
        assertThat(served.getWidth()).isEqualTo(512);
        assertThat(served.getHeight()).isEqualTo(512);
        assertColour(served, 128, 128, LogoTestImages.RED);
        assertColour(served, 384, 128, LogoTestImages.GREEN);
        assertColour(served, 128, 384, LogoTestImages.BLUE);
        assertColour(served, 384, 384, LogoTestImages.YELLOW);
    }

    private double zoomSlider() {
        return Double.parseDouble((String) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('logo-cropper input.zoom').value"));
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as("red at %d,%d", x, y)
                .isLessThan(12);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
                .as("green at %d,%d", x, y)
                .isLessThan(12);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
                .as("blue at %d,%d", x, y)
                .isLessThan(12);
    }
}
