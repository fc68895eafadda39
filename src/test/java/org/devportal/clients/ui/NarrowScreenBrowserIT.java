package org.devportal.clients.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devportal.authserver.OAuthFlow;
import org.devportal.clients.ClientDetails;
import org.devportal.clients.ClientService;
import org.devportal.clients.ClientType;
import org.devportal.logos.LogoService;
import org.devportal.review.ReviewFixture;
import org.devportal.security.Role;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The client page, the client list and the team page on a phone-sized screen, 390×844: the page never scrolls
 * sideways, every button is inside the screen, and the save bar saves.
 */
class NarrowScreenBrowserIT extends BrowserTest {

    private static final List<String> SECTIONS = List.of(
            "details",
            "redirect-uris",
            "scopes",
            "logo",
            "credentials",
            "consent",
            "flow",
            "review",
            "configuration",
            "grants",
            "history");

    /**
     * Buttons and links outside the viewport or clipped, except inside a grid or the tab bar, which scroll inside
     * themselves, and in the closed drawer, which waits off screen on a phone.
     */
    private static final String BUTTONS_OUTSIDE = """
            const width = window.innerWidth;
            return [...document.querySelectorAll('vaadin-button, vaadin-tab, a[href]')]
                .filter(element => !element.closest('vaadin-grid, vaadin-tabs, [slot="drawer"]'))
                .filter(element => element.offsetParent !== null)
                .filter(element => {
                    const box = element.getBoundingClientRect();
                    return box.width > 0 && (box.left < -1 || box.right > width + 1);
                })
                .map(element => element.id || element.textContent.trim());""";

    @Autowired
    ClientService clients;

    @Autowired
    LogoService logos;

    private final String developer = "narrow-" + UUID.randomUUID() + "@example.com";
    private TeamSummary team;
    private ClientDetails client;

    @BeforeEach
    void aPhoneSizedScreenAndACompleteClient() {
        signInWithAccount(developer, "Narrow Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        team = newTeam("Narrow");
        client = ReviewFixture.completeClient(
                clients,
                logos,
                team.id(),
                "Ledger Sync With A Rather Long Name For A Small Screen",
                ClientType.CONFIDENTIAL,
                "https://ledger.example.com/a/rather/long/callback/path/that/does/not/fit/on/a/phone");
        SecurityContextHolder.clearContext();
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    @Test
    void every_section_of_the_client_page_fits_a_phone_and_the_save_bar_saves_there() {
        browser.get(baseUrl() + "/clients/" + client.id() + "/details");
        signIn(developer, OAuthFlow.PASSWORD);
        waitForHeading("Ledger Sync");
        // The sandbox secret issued at registration is offered once, first.
        click(By.cssSelector("#secret-stored label"));
        click(By.id("secret-done"));
        assertThat(number("return window.innerWidth")).isEqualTo(390);

        for (String section : SECTIONS) {
            click(By.id("section-" + section));
            waitForPath("/clients/" + client.id() + "/" + section);
            wait.until(driver ->
                    !driver.findElements(By.cssSelector("#client-section > *")).isEmpty());
            screenshot("narrow-" + section);
            assertFitsTheScreen(section);
        }

        click(By.id("section-details"));
        type(By.cssSelector("#name input"), "Ledger Sync Mobile");
        wait.until(driver -> driver.findElement(By.id("save-bar")).isDisplayed());
        assertThat(number("return document.getElementById('save-bar').getBoundingClientRect().bottom"))
                .as("the save bar sits inside the screen")
                .isLessThanOrEqualTo(number("return window.innerHeight"));
        assertFitsTheScreen("details with the save bar");
        click(By.id("save-client"));
        wait.until(driver -> !driver.findElement(By.id("save-bar")).isDisplayed());
        assertThat(saved().name()).isEqualTo("Ledger Sync Mobile");
    }

    @Test
    void a_refused_save_opens_the_section_of_the_field_and_puts_the_cursor_in_it() {
        browser.get(baseUrl() + "/clients/" + client.id() + "/details");
        signIn(developer, OAuthFlow.PASSWORD);
        waitForHeading("Ledger Sync");
        click(By.cssSelector("#secret-stored label"));
        click(By.id("secret-done"));
        type(By.cssSelector("#clientUri input"), "not an address");
        wait.until(driver -> driver.findElement(By.id("clientUri")).getDomAttribute("invalid") != null);

        click(By.id("section-scopes"));
        waitForPath("/clients/" + client.id() + "/scopes");
        click(By.id("save-client"));

        waitForPath("/clients/" + client.id() + "/details");
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.activeElement !== null"
                        + " && document.activeElement.closest('#clientUri') !== null")));
        assertThat(saved().clientUri()).isNotEqualTo("not an address");
    }

    @Test
    void the_client_list_and_the_team_page_fit_a_phone() {
        browser.get(baseUrl() + "/teams/" + team.id() + "/clients");
        signIn(developer, OAuthFlow.PASSWORD);
        waitForText("Ledger Sync");
        screenshot("narrow-client-list");
        assertFitsTheScreen("client list");

        browser.get(baseUrl() + "/teams/" + team.id());
        waitForHeading(team.name());
        screenshot("narrow-team");
        assertFitsTheScreen("team page");
        click(By.id("send-invitation"));
        assertFitsTheScreen("team page with an invitation error");

        click(By.cssSelector("vaadin-drawer-toggle"));
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('vaadin-app-layout').drawerOpened")));
        screenshot("narrow-drawer");
        assertThat(number(
                        "return Math.ceil(document.querySelector('[slot=\"drawer\"]').getBoundingClientRect().right)"))
                .as("the open drawer fits the screen")
                .isLessThanOrEqualTo(number("return window.innerWidth"));
        assertThat(number("return document.scrollingElement.scrollWidth"))
                .isLessThanOrEqualTo(number("return window.innerWidth"));
    }

    private void assertFitsTheScreen(String page) {
        assertThat(number("return document.scrollingElement.scrollWidth"))
                .as("%s: no sideways scroll of the page", page)
                .isLessThanOrEqualTo(number("return window.innerWidth"));
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) ((JavascriptExecutor) browser).executeScript(BUTTONS_OUTSIDE);
        assertThat(outside).as("%s: buttons and links outside the screen", page).isEmpty();
    }

    private ClientDetails saved() {
        signInWithAccount(developer, "Narrow Developer", OAuthFlow.PASSWORD, Role.DEVELOPER);
        return clients.get(client.id());
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
