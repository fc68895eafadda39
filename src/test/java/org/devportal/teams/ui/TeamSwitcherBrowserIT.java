package org.devportal.teams.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.devportal.security.Role;
import org.devportal.teams.TeamService;
import org.devportal.teams.TeamSummary;
import org.devportal.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The team switcher in a real browser: its list shows the teams, and it switches by mouse and by keyboard. */
class TeamSwitcherBrowserIT extends BrowserTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    TeamService teams;

    @Test
    void the_switcher_switches_teams_by_mouse_and_keyboard_and_sign_in_returns_to_the_last_one() {
        String email = "switcher-" + UUID.randomUUID() + "@example.com";
        signInWithAccount(email, "Switch Tester", PASSWORD, Role.DEVELOPER);
        TeamSummary personal = teams.myTeams().getFirst();
        TeamSummary acme = newTeam("Acme");

        browser.get(baseUrl() + "/");
        signIn(email, PASSWORD);
        waitForHeading(personal.name() + ": clients");

        // Mouse: the list shows both teams, visibly, and a click on one opens its clients.
        click(By.id("team-switcher"));
        wait.until(driver -> visibleItems().size() == 2);
        assertThat(visibleItems())
                .extracting(WebElement::getText)
                .containsExactly(personal.name() + " (personal)", acme.name());
        screenshot("team-switcher-open");
        visibleItems().get(1).click();
        waitForPath("/teams/" + acme.id() + "/clients");
        waitForHeading(acme.name() + ": clients");

        // The next click is not swallowed by a leftover overlay.
        click(By.cssSelector("#main-navigation vaadin-side-nav-item[path$='teams']"));
        waitForPath("/teams");

        // Keyboard: focus, open with the arrow key, move up to the personal team, pick it with Enter.
        WebElement valueButton = browser.findElement(By.cssSelector("#team-switcher vaadin-select-value-button"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", valueButton);
        valueButton.sendKeys(Keys.ARROW_DOWN);
        wait.until(driver -> visibleItems().size() == 2);
        activeElement().sendKeys(Keys.ARROW_UP);
        activeElement().sendKeys(Keys.ENTER);
        waitForPath("/teams/" + personal.id() + "/clients");
        waitForHeading(personal.name() + ": clients");

        // And back to Acme by keyboard, which sign-in then opens.
        valueButton = browser.findElement(By.cssSelector("#team-switcher vaadin-select-value-button"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", valueButton);
        valueButton.sendKeys(Keys.ENTER);
        wait.until(driver -> visibleItems().size() == 2);
        activeElement().sendKeys(Keys.ARROW_DOWN);
        activeElement().sendKeys(Keys.ENTER);
        waitForHeading(acme.name() + ": clients");

        signOut();
        signIn(email, PASSWORD);
        waitForHeading(acme.name() + ": clients");
        assertThat(path()).isEqualTo("/teams/" + acme.id() + "/clients");
        assertThat(browser.findElement(By.cssSelector("#team-switcher vaadin-select-value-button"))
                        .getText())
                .contains(acme.name());
    }

    @SuppressWarnings("unchecked")
    private java.util.List<WebElement> visibleItems() {
        return (java.util.List<WebElement>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll('#team-switcher vaadin-select-item[role=option]'))"
                                + ".filter(item => item.getBoundingClientRect().height > 0)");
    }

    private WebElement activeElement() {
        return browser.switchTo().activeElement();
    }
}
