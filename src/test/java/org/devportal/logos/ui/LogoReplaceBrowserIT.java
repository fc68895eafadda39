package org.devportal.logos.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.LogoTestImages;
import org.devportal.security.Role;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logo upload in Chromium recovers from refusals: each one says why and leaves the upload ready for the next. */
class LogoReplaceBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    ClientService clients;

    @Test
    void after_a_refused_gif_and_a_too_large_file_a_png_is_accepted_and_then_replaced() throws IOException {
        String email = "logo-replace-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Logo Replacer", PASSWORD, Role.DEVELOPER);
        ClientDetails client = clients.register(
                newTeam("Logos").id(), ClientType.PUBLIC, "Replace Test", "https://replace.example.com/cb");
        SecurityContextHolder.clearContext();

        browser.get(baseUrl() + "/clients/" + client.id() + "/logo");
        signIn(email, PASSWORD);
        waitForHeading("Replace Test");

        // A GIF named .png: the server reads the content and names the format.
        chooseLogoFile(file("animation.png", LogoTestImages.gif(LogoTestImages.quadrants(300, 300, 150, 150))));
        waitForError("GIF logos are not accepted");
        assertReadyForTheNextFile();

        // Over 5 MB: the browser stops it, and the message names its size.
        byte[] large = new byte[6 * 1024 * 1024 + 200_000];
        chooseLogoFile(file("huge.png", large));
        waitForError("This file is 6.2 MB; the limit is 5 MB.");
        assertReadyForTheNextFile();

        // A JPEG named .png is a JPEG, and is accepted.
        chooseLogoFile(file("photo.png", LogoTestImages.jpeg(LogoTestImages.quadrants(600, 600, 300, 300))));
        saveCrop();
        String first = currentLogo();
        assertThat(errorText()).isEmpty();
        assertReadyForTheNextFile();
        assertThat(browser.findElement(By.id("logo-upload-button")).getText()).isEqualTo("Replace logo…");

        chooseLogoFile(file("second.png", LogoTestImages.png(LogoTestImages.quadrants(500, 500, 100, 400))));
        saveCrop();
        wait.until(driver -> !currentLogo().equals(first));
        screenshot("logo-replaced");
    }

    private Path file(String name, byte[] content) throws IOException {
        Path folder = Files.createTempDirectory("portal-logo-");
        return Files.write(folder.resolve(name), content);
    }

    private void saveCrop() {
        waitForCropper();
        click(By.id("save-logo"));
        wait.until(driver -> driver.findElements(By.id("logo-crop")).isEmpty());
        wait.until(driver -> !driver.findElements(By.id("current-logo")).isEmpty());
    }

    private String currentLogo() {
        return browser.findElement(By.id("current-logo")).getDomAttribute("src");
    }

    private void waitForError(String text) {
        wait.until(driver -> errorText().contains(text));
    }

    private String errorText() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('logo-error').textContent");
    }

    /** No file left in the list, and the button takes another. */
    private void assertReadyForTheNextFile() {
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const u = document.getElementById('logo-upload');"
                        + " return u.files.length === 0 && !u.maxFilesReached;"));
    }
}
